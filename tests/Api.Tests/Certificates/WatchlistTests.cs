using Investment.Api.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;
using Investment.Domain.Certificates;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Investment.Api.Tests.Certificates;

public sealed class WatchlistTests(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<WatchEntry?> Entry(Certificate certificate, string asOf)
    {
        var list = await Host.Get<RevocationWatchlist>(Partner, $"/api/v1/certificates/watchlist?asOf={asOf}&zone={certificate.ZoneCode}");
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value, list.AsOf);
        return list.Entries.SingleOrDefault(e => e.CertificateId == certificate.Id);
    }

    private static Dictionary<WatchRule, WatchReason> Reasons(WatchEntry? entry) =>
        entry?.Reasons.ToDictionary(r => r.Rule) ?? [];

    [Fact]
    public async Task a_milestone_is_listed_once_more_than_12_months_overdue_with_the_extension_used_up()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, issuedOn: "2010-01-01", schedule: [CertificateRequests.Milestone("Operation", "2010-06-30")]);
        await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/amendments", new { on = "2010-03-01", extensionMonths = 24, reason = "Typhoon." });

        var before = Reasons(await Entry(certificate, "2013-06-30"));
        var after = Reasons(await Entry(certificate, "2013-07-01"));

        Assert.False(before.ContainsKey(WatchRule.MilestoneOverdue));
        var overdue = after[WatchRule.MilestoneOverdue];
        Assert.Equal(new LocalDate(2013, 7, 1), overdue.CrossedOn); // the first day listed
        Assert.Equal("Operation", overdue.Facts["milestone"]);
        Assert.Equal("2012-06-30", overdue.Facts["dueOn"]);
        Assert.Equal("24", overdue.Facts["extensionMonthsUsed"]);
        Assert.Equal(new LocalDate(2010, 7, 2), after[WatchRule.NoRecentInspection].CrossedOn);
    }

    [Fact]
    public async Task a_milestone_never_extended_is_listed_from_the_day_it_is_more_than_12_months_behind_its_registered_date()
    {
        // The replay's case: a 2012 certificate whose construction start is 19 months overdue and which never asked for an extension.
        var certificate = await Host.AnIssuedCertificate(Officer, issuedOn: "2012-04-10", schedule: [CertificateRequests.Milestone("Construction start", "2012-11-30")]);

        Assert.False(Reasons(await Entry(certificate, "2013-11-30")).ContainsKey(WatchRule.MilestoneOverdue));
        var overdue = Reasons(await Entry(certificate, "2014-07-05"))[WatchRule.MilestoneOverdue];

        Assert.Equal(new LocalDate(2013, 12, 1), overdue.CrossedOn);
        Assert.Equal("Construction start", overdue.Facts["milestone"]);
        Assert.Equal("2012-11-30", overdue.Facts["dueOn"]);
        Assert.Equal("19", overdue.Facts["monthsOverdue"]);
        Assert.Equal("0", overdue.Facts["extensionMonthsUsed"]);
        var noInspection = Reasons(await Entry(certificate, "2014-07-05"))[WatchRule.NoRecentInspection].Facts;
        Assert.True(noInspection.ContainsKey("lastInspectedOn"));
        Assert.Null(noInspection["lastInspectedOn"]); // null, not "never"
    }

    [Fact]
    public async Task a_milestone_overdue_with_extension_left_is_not_listed_for_it()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, issuedOn: "2010-01-01", schedule: [CertificateRequests.Milestone("Operation", "2010-06-30")]);
        await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/amendments", new { on = "2010-03-01", extensionMonths = 12, reason = "Typhoon." });
        Assert.False(Reasons(await Entry(certificate, "2014-07-05")).ContainsKey(WatchRule.MilestoneOverdue));
    }

    [Fact]
    public async Task a_recent_inspection_on_schedule_keeps_a_certificate_off_the_list()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, issuedOn: "2013-06-20");
        await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/inspections",
            new { on = "2014-05-01", inspector = "officer.tran", progress = "onSchedule", disbursedSoFar = LeadRequests.Usd(5_000_000m), findings = "Fine." });

        Assert.Null(await Entry(certificate, "2014-07-05"));
        Assert.Equal(new LocalDate(2013, 12, 21), Reasons(await Entry(certificate, "2014-04-30"))[WatchRule.NoRecentInspection].CrossedOn);
    }

    [Fact]
    public async Task a_stalled_inspection_and_a_long_suspension_are_listed_with_their_facts()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, issuedOn: "2013-01-10");
        await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/inspections",
            new { on = "2013-06-01", inspector = "officer.tran", progress = "stalled", disbursedSoFar = LeadRequests.Usd(1_000_000m), findings = "No works on site." });
        await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/suspend", new { on = "2013-07-01", reason = "Land unused." });

        var reasons = Reasons(await Entry(certificate, "2014-07-05"));

        Assert.Equal(new LocalDate(2013, 6, 1), reasons[WatchRule.LastInspectionStalled].CrossedOn);
        Assert.Equal("No works on site.", reasons[WatchRule.LastInspectionStalled].Facts["findings"]);
        Assert.Equal(new LocalDate(2014, 1, 2), reasons[WatchRule.SuspendedTooLong].CrossedOn);
        Assert.Equal(CertificateStatus.Suspended, (await Entry(certificate, "2014-07-05"))!.Status);
        Assert.False(Reasons(await Entry(certificate, "2014-01-01")).ContainsKey(WatchRule.SuspendedTooLong)); // six months, not more
        Assert.True(Reasons(await Entry(certificate, "2014-01-02")).ContainsKey(WatchRule.SuspendedTooLong));
    }

    [Fact]
    public async Task a_revoked_certificate_leaves_the_list_from_its_revocation_date_on()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, issuedOn: "2012-01-10");
        await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/revoke", new { on = "2014-02-01", ground = "investorUnreachable", decisionNumber = "7/QĐ" });

        Assert.NotNull(await Entry(certificate, "2014-01-31"));
        Assert.Null(await Entry(certificate, "2014-02-01"));
        Assert.Null(await Entry(certificate, "2011-12-31")); // not issued yet
    }

    [Fact]
    public async Task the_watchlist_of_every_date_lists_exactly_the_certificates_the_rule_lists_as_of_it()
    {
        // Issue 18: the list is read through each certificate's stored watch periods; across four years of dates it must
        // hold exactly what the rule says of each certificate's whole history as of that date.
        const string zone = "vsip-quang-ngai"; // 1991–1995: dates no other test of this zone uses
        var extended = await Host.AnIssuedCertificate(Officer, issuedOn: "1991-01-10", zone: zone, schedule: [CertificateRequests.Milestone("Operation", "1991-06-30")]);
        await Host.Post(Officer, $"/api/v1/certificates/{extended.Id}/amendments", new { on = "1991-03-01", extensionMonths = 12, reason = "Typhoon." });
        await Host.Post(Officer, $"/api/v1/certificates/{extended.Id}/amendments", new { on = "1992-05-01", extensionMonths = 12, reason = "Typhoon again." });
        var inspected = await Host.AnIssuedCertificate(Officer, issuedOn: "1991-02-01", zone: zone, schedule: [CertificateRequests.Milestone("Operation", "1993-01-31")]);
        foreach (var (on, progress) in new[] { ("1991-07-01", "onSchedule"), ("1991-12-01", "stalled"), ("1992-03-01", "delayed"), ("1993-06-01", "onSchedule") })
            await Host.Post(Officer, $"/api/v1/certificates/{inspected.Id}/inspections",
                new { on, inspector = "officer.tran", progress, disbursedSoFar = LeadRequests.Usd(1_000m), milestonesMet = on == "1993-06-01" ? new[] { "Operation" } : [], findings = "Seen." });
        var suspended = await Host.AnIssuedCertificate(Officer, issuedOn: "1991-03-01", zone: zone);
        await Host.Post(Officer, $"/api/v1/certificates/{suspended.Id}/suspend", new { on = "1991-04-01", reason = "Land unused." });
        await Host.Post(Officer, $"/api/v1/certificates/{suspended.Id}/resume", new { on = "1992-01-15" });
        await Host.Post(Officer, $"/api/v1/certificates/{suspended.Id}/inspections",
            new { on = "1992-02-01", inspector = "officer.tran", progress = "onSchedule", disbursedSoFar = LeadRequests.Usd(1_000m), findings = "Back at work." });
        var revoked = await Host.AnIssuedCertificate(Officer, issuedOn: "1991-01-20", zone: zone);
        await Host.Post(Officer, $"/api/v1/certificates/{revoked.Id}/revoke", new { on = "1993-02-01", ground = "investorUnreachable", decisionNumber = "9/QĐ" });

        var mine = new List<Certificate>();
        foreach (var c in new[] { extended, inspected, suspended, revoked })
            mine.Add(await Host.Get<Certificate>(Officer, $"/api/v1/certificates/{c.Id}"));
        // Each entry as the rule writes it from the whole certificate: reasons, facts, explanations and status (the answer is
        // decided from the slim copy stored beside it, issue 18).
        static string Said(IEnumerable<WatchEntry> entries) => string.Join("\n", entries.Select(e =>
            $"{e.CertificateId} {e.Number} {e.ProjectName} {e.ZoneCode} {e.Status}: " + string.Join(" | ", e.Reasons.Select(r =>
                $"{r.Rule} {r.CrossedOn} {r.Explanation} {string.Join("; ", r.Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value ?? "null"}"))}"))));
        async Task ListsWhatTheRuleSays(LocalDate day)
        {
            var iso = NodaTime.Text.LocalDatePattern.Iso.Format(day);
            var entries = (await Host.Get<RevocationWatchlist>(Partner, $"/api/v1/certificates/watchlist?asOf={iso}&zone={zone}")).Entries;
            var listed = entries.Select(e => e.CertificateId).ToHashSet();
            var expected = mine.Where(c => Watchlist.Reasons(c, day).Count > 0).Select(c => c.Id).ToHashSet();
            Assert.True(expected.SetEquals(listed.Intersect(mine.Select(c => c.Id))), $"as of {iso}: expected {string.Join(", ", expected)}, listed {string.Join(", ", listed)}");
            Assert.Equal(Said(mine.Where(c => expected.Contains(c.Id)).OrderBy(c => c.Id)
                    .Select(c => new WatchEntry(c.Id, c.Number, c.ProjectName, c.ZoneCode, c.AsOf(day).Status, Watchlist.Reasons(c, day)))),
                Said(entries.Where(e => expected.Contains(e.CertificateId)).OrderBy(e => e.CertificateId)));
        }
        for (var day = new LocalDate(1991, 1, 1); day < new LocalDate(1995, 1, 1); day = day.PlusDays(9))
            await ListsWhatTheRuleSays(day);

        // Documents stored before their watch row was kept (until rebuild-projections) are read whole, with the same answer.
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
            await session.ExecuteAsync(new Npgsql.NpgsqlCommand(
                $"update {Investment.Api.EventStore.EventStoreSetup.Schema}.mt_doc_certificatedetails set watch_row = null where id in ('{inspected.Id}', '{suspended.Id}')"));
        for (var day = new LocalDate(1991, 1, 1); day < new LocalDate(1995, 1, 1); day = day.PlusDays(23))
            await ListsWhatTheRuleSays(day);

        // Rows written before the slimmer form with its amounts as numbers (the whole certificate, amounts as strings) read the same.
        foreach (var c in mine.Where(c => c.Id == extended.Id || c.Id == inspected.Id))
        {
            await using var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
            var older = new Npgsql.NpgsqlCommand($"update {Investment.Api.EventStore.EventStoreSetup.Schema}.mt_doc_certificatedetails set watch_row = @row where id = @id");
            older.Parameters.AddWithValue("row", $"{c.ZoneCode} {System.Text.Json.JsonSerializer.Serialize(c, Investment.Api.Http.Json.Options)}");
            older.Parameters.AddWithValue("id", c.Id);
            await session.ExecuteAsync(older);
        }
        for (var day = new LocalDate(1991, 1, 1); day < new LocalDate(1995, 1, 1); day = day.PlusDays(17))
            await ListsWhatTheRuleSays(day);
    }

    [Fact]
    public async Task the_watchlist_defaults_to_today_in_vietnam_and_refuses_a_bad_date()
    {
        var list = await Host.Get<RevocationWatchlist>(Partner, "/api/v1/certificates/watchlist");
        Assert.Equal(Investment.Domain.Common.VietnamCalendar.Today(Clock.GetCurrentInstant()), list.AsOf);
        await (await Host.Send(Partner, s => s.Get.Url("/api/v1/certificates/watchlist?asOf=2014-02-30"))).ShouldBe(400, "request.invalid_asOf");
    }
}
