using Investment.Api.Certificates;
using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Domain.Certificates;
using Investment.Domain.Common;
using NodaTime;

namespace Investment.Api.Tests.Certificates;

/// <summary>
/// A long real-world history (domain.md): the Guang Lian steel certificate, issued in 2006 at USD 556 m, raised to
/// USD 3 bn in 2008 and later USD 4.5 bn (five amendments in nine years); JFE withdrew in September 2014; the project
/// was later revoked. Dates between the public milestones are plausible, not historical; JFE's joining (with the 2008
/// raise) and its withdrawal (a sixth amendment here) are investor changes.
/// </summary>
public sealed class GuangLianTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static object Usd(string amount) => new { amount, currency = "USD" };

    [Fact]
    public async Task the_guang_lian_history_replays_with_details_history_and_watchlist_along_the_way()
    {
        var saved = Clock.GetCurrentInstant();
        Clock.Reset(Instant.FromUtc(2016, 6, 1, 3, 0)); // the story ends after 2014
        try
        {
            await Replay();
        }
        finally
        {
            Clock.Reset(saved);
        }
    }

    private async Task Replay()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Guang Lian Steel (Dung Quat)"), "TW", ["steelAndMetallurgy"]));
        var jfe = (await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("JFE Steel"), "JP", ["steelAndMetallurgy"]))).Id;
        var issued = await (await Host.Post(Officer, "/api/v1/certificates", new
        {
            number = CertificateRequests.Number(),
            projectName = "Guang Lian steel mill",
            investorIds = new[] { investor.Id },
            zone = "dung-quat",
            sector = "steelAndMetallurgy",
            capital = Usd("556000000"),
            landAreaHectares = "200",
            issuedOn = "2006-11-22",
            durationYears = 50,
            schedule = new[] { CertificateRequests.Milestone("Blast furnace 1", "2009-12-31"), CertificateRequests.Milestone("Full operation", "2011-12-31") },
        })).Read<Certificate>();
        var url = $"/api/v1/certificates/{issued.Id}";
        async Task<Certificate> Amend(object body) => await (await Host.Post(Officer, $"{url}/amendments", body)).Read<Certificate>();
        async Task<WatchEntry?> Listed(string asOf) =>
            (await Host.Get<RevocationWatchlist>(Partner, $"/api/v1/certificates/watchlist?asOf={asOf}&zone=dung-quat")).Entries.SingleOrDefault(e => e.CertificateId == issued.Id);

        var first = await Amend(new
        {
            on = "2008-05-14", capitalChange = Usd("2444000000"), landAreaHectares = "289.6", reason = "Second furnace: USD 3 bn; JFE joins.",
            investorsJoining = new[] { new { investorId = jfe } },
        });
        Assert.Equal(3000000000.00m, first.CapitalUsd);
        await Amend(new { on = "2009-09-01", extensionMonths = 12, reason = "Financing delayed by the crisis." });
        await Amend(new { on = "2010-10-05", objectives = "Hot rolling mill added.", reason = "New objectives." });
        var fourth = await Amend(new { on = "2012-03-20", capitalChange = Usd("1500000000"), reason = "Raised to USD 4.5 bn." });
        Assert.Equal(4500000000.00m, fourth.CapitalUsd);
        var fifth = await Amend(new { on = "2013-04-02", extensionMonths = 12, reason = "Last extension allowed." });
        Assert.Equal(24, fifth.ExtensionMonthsUsed);
        Assert.Equal(new LocalDate(2011, 12, 31), fifth.Schedule.Single(m => m.Name == "Blast furnace 1").Due); // 2009-12-31 + 24 months
        Assert.Equal([1, 2, 3, 4, 5], fifth.Amendments.Select(a => a.Number));
        var sixth = await Host.Post(Officer, $"{url}/amendments", new { on = "2014-01-10", extensionMonths = 6, reason = "One more?" });
        await sixth.ShouldBe(409, "certificate.extension_limit");
        var withdrawal = await Amend(new { on = "2014-09-15", investorsLeaving = new[] { jfe }, reason = "JFE withdrew." });
        Assert.Equal(InvestorChangeKind.Left, withdrawal.Amendments.Single(a => a.Number == 6).Investors!.Kind);
        Assert.Equal([investor.Id], withdrawal.Investors.Select(i => i.InvestorId));

        await Host.Post(Officer, $"{url}/inspections", new
        {
            on = "2014-09-30", inspector = "officer.tran", progress = "stalled", disbursedSoFar = Usd("250000000"),
            findings = "JFE withdrew in September 2014; no works on site.",
        });

        // As known in mid-2014: blast furnace 1 was due 2011-12-31 (after 24 months of extension), so it was more than 12 months overdue from 2013-01-01.
        var rules = (await Listed("2014-07-05"))!.Reasons.Select(r => (r.Rule, r.CrossedOn)).ToList();
        Assert.Contains((WatchRule.MilestoneOverdue, new LocalDate(2013, 4, 2)), rules); // the day the last month of extension was granted
        Assert.Contains((WatchRule.NoRecentInspection, new LocalDate(2007, 5, 23)), rules);
        Assert.DoesNotContain(rules, r => r.Rule == WatchRule.LastInspectionStalled); // not yet inspected as of then

        var endReasons = (await Listed("2014-12-31"))!.Reasons;
        Assert.Contains(endReasons, r => r.Rule == WatchRule.LastInspectionStalled);
        Assert.Contains(endReasons, r => r.Rule == WatchRule.MilestoneOverdue && r.CrossedOn == new LocalDate(2013, 4, 2)); // the investor change moves no date

        var revoked = await (await Host.Post(Officer, $"{url}/revoke", new
        {
            on = "2016-03-15", ground = "behindScheduleNoExtension", decisionNumber = "215/QĐ-BQL", note = "Abandoned after JFE's withdrawal.",
        })).Read<Certificate>();
        Assert.Equal(CertificateStatus.Revoked, revoked.Status);
        Assert.Equal(4500000000.00m, revoked.CapitalUsd);
        Assert.Equal(556000000.00m, revoked.CapitalAsIssuedUsd);
        Assert.Null(await Listed("2016-03-15"));

        var history = (await Host.Get<Page<HistoryEntry>>(Officer, $"{url}/history")).Items;
        Assert.Equal(["certificateIssued", "certificateAmended", "certificateAmended", "certificateAmended", "certificateAmended", "certificateAmended",
            "certificateAmended", "certificateInspected", "certificateRevoked"], history.Select(e => e.Type));
        var capitalSteps = history.Where(e => e.Type == "certificateAmended").Select(e => e.Event<CertificateAmended>().CapitalChange)
            .OfType<Money>().Select(m => m.Amount);
        Assert.Equal([2444000000m, 1500000000m], capitalSteps);
    }
}
