using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using Investment.Api.Imports;
using Investment.Api.Leads;
using Investment.Api.Reports;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Common;
using Investment.Domain.Imports;
using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Api.Tests.Imports;

/// <summary>
/// The optional leads and contacts sheets (issue 15): through the endpoints' deciders, with provenance, idempotent. Their
/// leads are in Tinh Phong, where no other import test has any, so the figures are this file's alone.
/// </summary>
public sealed class LeadImportTests(ImportFixture fixture) : ImportTest(fixture)
{
    private const string Zone = "tinh-phong";

    private sealed record LeadLine(string Investor, string Project, LocalDate Opened, string? Stage, LocalDate? StageOn, string? LostCode, LocalDate? LostOn,
        string? LostTo, LocalDate? KnownSince)
    {
        public LocalDate Known => KnownSince ?? Opened;
    }

    private sealed record ContactLine(int Lead, LocalDateTime At, bool AsInstant, string Channel, LocalDate? KnownSince)
    {
        public LocalDate Day => At.Date;
    }

    private static readonly LeadLine[] Leads =
    [
        new("Tinh Phong Steel Pipe Co.", "Steel pipe mill", new(2012, 3, 1), "engaged", new(2012, 4, 10), null, null, null, new(2012, 3, 5)),
        new("Tinh Phong Steel Pipe Co.", "Coating line", new(2012, 9, 15), "siteVisit", new(2013, 1, 20), null, null, null, null),
        new("Hokkai Seafoods Ltd.", "Seafood processing plant", new(2013, 2, 1), "engaged", new(2013, 2, 20), "anotherCountry", new(2013, 8, 10), "TH", new(2013, 2, 10)),
        new("Hokkai Seafoods Ltd.", "Cold store", new(2014, 2, 10), null, null, null, null, null, new(2014, 3, 1)),
    ];

    private static readonly ContactLine[] Contacts =
    [
        new(0, new(2012, 3, 2, 10, 0), false, "meeting", new(2012, 3, 5)),
        new(0, new(2012, 4, 10, 14, 30), false, "siteVisit", null),
        new(1, new(2012, 9, 20, 9, 0), false, "call", new(2012, 10, 1)),
        new(2, new(2013, 2, 5, 9, 0), true, "email", null), // before its lead was known: known with it
        new(2, new(2013, 6, 1, 9, 0), false, "meeting", null),
        new(3, new(2014, 2, 12, 9, 0), false, "call", new(2014, 3, 1)),
    ];

    /// <summary>The 422 of a rejected import: the import's id and its problems.</summary>
    private sealed record Rejection(Guid ImportId, IReadOnlyList<ImportProblem> Problems);

    private const string FileNames = "investors.csv, leads.csv, contacts.csv";

    private static string Day(LocalDate? day) => day?.ToString("yyyy-MM-dd", null) ?? "";

    private static (string, string, string, byte[])[] File(string zone = Zone) =>
    [
        Csv("investors", "name,country,sectors\r\nTinh Phong Steel Pipe Co.,KR,steelAndMetallurgy\r\nHokkai Seafoods Ltd.,JP,agroAndFoodProcessing\r\n"),
        Csv("leads", "investor,zone,project_name,sector,estimated_capital_amount,currency,source,owner,opened_on,stage,stage_on,lost_reason_code,lost_on,lost_to_country,known_since\r\n"
            + string.Concat(Leads.Select(l => $"{l.Investor},{zone},{l.Project},steelAndMetallurgy,20000000.00,USD,tradeMission,officer.nguyen,{Day(l.Opened)},"
                + $"{l.Stage},{Day(l.StageOn)},{l.LostCode},{Day(l.LostOn)},{l.LostTo},{Day(l.KnownSince)}\r\n"))),
        Csv("contacts", "investor,zone,project_name,occurred_at,occurred_at_local,channel,officers,investor_people,summary,follow_up_on,known_since\r\n"
            + string.Concat(Contacts.Select(c =>
            {
                var lead = Leads[c.Lead];
                var instant = c.At.InZoneStrictly(VietnamCalendar.Zone).ToInstant();
                var (at, local) = c.AsInstant ? (NodaTime.Text.InstantPattern.ExtendedIso.Format(instant), "") : ("", c.At.ToString("yyyy-MM-dd HH:mm", null));
                return $"{lead.Investor},{zone},{lead.Project},{at},{local},{c.Channel},officer.nguyen;officer.le,Plant director,Talked about the site.,"
                    + $"{Day(c.Day.PlusDays(14))},{Day(c.KnownSince)}\r\n";
            }))),
    ];

    /// <summary>The lead figures of a period as known at the end of a day, computed from the file alone.</summary>
    private static (int Opened, int Lost, int Contacts) Expected(LocalDate from, LocalDate to, LocalDate asOf)
    {
        bool In(LocalDate d) => d >= from && d <= to;
        var opened = Leads.Count(l => In(l.Opened) && l.Known <= asOf);
        var lost = Leads.Count(l => l.LostOn is { } on && In(on) && LocalDate.Max(l.Known, on) <= asOf);
        var contacts = Contacts.Count(c => In(c.Day) && LocalDate.Max(c.KnownSince ?? c.Day, Leads[c.Lead].Known) <= asOf);
        return (opened, lost, contacts);
    }

    private async Task<ImportRecord> LeadsImported()
    {
        // Newest first: the first completed import of this file is the last listed (a re-import completes too, storing nothing).
        var past = await Host.Get<IReadOnlyList<ImportSummary>>(Admin, "/api/v1/imports?limit=100");
        if (past.LastOrDefault(p => p.FileName == FileNames && p.Status == ImportStatus.Completed) is { } done)
            return await Host.Get<ImportRecord>(Admin, $"/api/v1/imports/{done.Id}");
        var record = await Finished(await Upload("", File()));
        Assert.True(record.Status == ImportStatus.Completed, string.Join("\n", record.Problems.Select(p => $"{p.Sheet} {p.Row} {p.Column} {p.Code} {p.Message}")));
        await Host.Settled();
        return record;
    }

    [Fact]
    public async Task leads_and_contacts_import_and_the_pipeline_and_the_reports_lead_figures_as_known_before_equal_a_count_from_the_file()
    {
        var import = await LeadsImported();
        Assert.Equal((Leads.Length, Contacts.Length), (import.Sheets["leads"].Created, import.Sheets["contacts"].Created));

        var pipeline = await Host.Get<ZonePipeline>(Officer, $"/api/v1/zones/{Zone}/pipeline?openedFrom=2012-01-01&openedTo=2014-07-05");
        Assert.Equal(Leads.Length, pipeline.Leads);
        Assert.Equal(Leads.Count(l => l.LostCode is not null), pipeline.Lost);
        foreach (var stage in new[] { LeadStage.Prospect, LeadStage.Engaged, LeadStage.SiteVisit })
            Assert.Equal(Leads.Count(l => l.LostCode is null && (l.Stage ?? "prospect") == LeadDecider.Name(stage)), pipeline.Stages.Single(s => s.Stage == stage).Current);
        Assert.Equal("TH", Assert.Single(pipeline.LostBy.ToCountries).LostTo);

        foreach (var asOf in new LocalDate[] { new(2012, 3, 4), new(2012, 3, 5), new(2012, 9, 30), new(2012, 12, 31), new(2013, 2, 9), new(2013, 2, 10), new(2013, 8, 31), new(2014, 2, 28), new(2014, 3, 1) })
        foreach (var (year, period) in new[] { (asOf.Year, GetZoneReport.FirstHalf), (asOf.Year, GetZoneReport.WholeYear), (asOf.Year - 1, GetZoneReport.WholeYear) })
        {
            var report = await Host.Get<ZoneReport>(Admin, $"/api/v1/zones/{Zone}/reports/{year}/{period}?asOf={asOf:yyyy-MM-dd}");
            Assert.True(Expected(report.From, report.To, asOf) == (report.Leads.Opened, report.Leads.Lost, report.Leads.ContactsLogged),
                $"{year} {period} as known on {asOf:yyyy-MM-dd}: {Expected(report.From, report.To, asOf)} expected, {(report.Leads.Opened, report.Leads.Lost, report.Leads.ContactsLogged)} reported");
        }
    }

    [Fact]
    public async Task an_imported_lead_is_recorded_as_known_from_its_known_since_day_and_says_where_it_came_from()
    {
        var import = await LeadsImported();
        var leads = await Host.Get<Page<Lead>>(Officer, $"/api/v1/leads?zone={Zone}&limit=100");
        var lead = leads.Items.Single(l => l.ProjectName == Leads[0].Project);
        Assert.Equal((LeadStage.Engaged, 2), (lead.Stage, lead.ContactCount));

        var history = await Host.Get<Page<HistoryEntry>>(Officer, $"/api/v1/leads/{lead.Id}/history");

        Assert.Equal(["leadOpened", "leadStageChanged", "contactLogged", "contactLogged"], history.Items.Select(e => e.Type));
        Assert.Equal(ImportPlanner.KnownFrom(Leads[0].KnownSince!.Value), history.Items[0].RecordedAt);
        Assert.Equal(ImportPlanner.KnownFrom(Leads[0].StageOn!.Value), history.Items[1].RecordedAt);
        Assert.Equal(new ImportedFrom(import.Id, "leads", 2, "admin.tran", ApiFixture.Start), history.Items[0].Imported);
        Assert.All(history.Items, e => Assert.Equal(import.Id, e.Imported?.ImportId));
    }

    [Fact]
    public async Task importing_the_same_leads_and_contacts_again_stores_nothing()
    {
        await LeadsImported();

        var again = await Finished(await Upload("", File()));

        Assert.Equal((ImportStatus.Completed, 0), (again.Status, again.EventsStored));
        Assert.Equal((Leads.Length, Contacts.Length), (again.Sheets["leads"].Unchanged, again.Sheets["contacts"].Unchanged));
    }

    [Fact]
    public async Task a_lead_or_contact_contradicting_a_stored_one_is_a_conflict_and_a_rule_of_the_deciders_is_a_problem()
    {
        await LeadsImported();
        var files = File();
        string Text(int i) => System.Text.Encoding.UTF8.GetString(files[i].Item4);
        var leads = Text(1).Split("\r\n");
        leads[1] = leads[1].Replace("tradeMission", "referral", StringComparison.Ordinal);                       // row 2: stored with another source
        leads[4] = leads[4].Replace("Cold store", "Fish meal plant", StringComparison.Ordinal).Replace(",,,,,", ",certified,,,,", StringComparison.Ordinal); // row 5: new, certified by hand
        files[1] = Csv("leads", string.Join("\r\n", leads));
        files[2] = Csv("contacts", Text(2).Replace("Talked about the site.", "Talked about the port.", StringComparison.Ordinal));

        var answer = await Upload("", files);

        await answer.ShouldBe(422, "import.rejected");
        var problems = (await answer.Read<Rejection>()).Problems;
        Assert.Contains(problems, p => (p.Sheet, p.Row, p.Column, p.Code) == ("leads", 2, "source", "import.conflict"));
        Assert.Contains(problems, p => (p.Sheet, p.Row, p.Code) == ("leads", 5, "lead.certification_needs_certificate"));
        Assert.Equal(Contacts.Length, problems.Count(p => (p.Sheet, p.Column, p.Code) == ("contacts", "summary", "import.conflict")));
    }

    private static (string, string, string, byte[])[] BadFile()
    {
        var files = File("quang-phu");
        string Text(int i) => System.Text.Encoding.UTF8.GetString(files[i].Item4);
        files[1] = Csv("leads", Text(1).Replace("2012-09-15", "31/02/2012", StringComparison.Ordinal));   // row 3: no such date
        files[2] = Csv("contacts", Text(2).Replace(",call,", ",pigeon,", StringComparison.Ordinal));         // rows 4 and 7: no such channel
        return files;
    }

    [Fact]
    public async Task the_problems_of_the_rows_are_said_in_vietnamese_when_asked_and_kept_in_english()
    {
        var answer = await Upload(Admin, "", s => s.WithRequestHeader("Accept-Language", "vi"), BadFile());

        await answer.ShouldBe(422, "import.rejected");
        var said = await answer.Read<Rejection>();
        Assert.StartsWith("Cột opened_on không phải ngày hợp lệ", said.Problems[0].Message);
        Assert.StartsWith("Cột channel không phải mã hợp lệ", said.Problems[1].Message);
        var english = await Host.Get<ImportRecord>(Admin, $"/api/v1/imports/{said.ImportId}");
        Assert.Equal("opened_on '31/02/2012' is not a date: write 2014-06-30 or 30/06/2014.", english.Problems[0].Message);
        Assert.Equal(said.Problems.Select(p => (p.Sheet, p.Row, p.Column, p.Code)), english.Problems.Select(p => (p.Sheet, p.Row, p.Column, p.Code)));
    }

    [Fact]
    public async Task a_bad_cell_in_the_leads_or_contacts_sheet_is_a_problem_and_nothing_is_stored()
    {
        var answer = await Upload("", BadFile());

        await answer.ShouldBe(422, "import.rejected");
        var record = await answer.Read<Rejection>();
        Assert.Equal([("leads", 3, "opened_on", "import.invalid_date"), ("contacts", 4, "channel", "import.unknown_code"), ("contacts", 7, "channel", "import.unknown_code")],
            record.Problems.Select(p => (p.Sheet, p.Row, p.Column, p.Code)));
        await Host.Settled();
        Assert.Equal(0, (await Host.Get<ZonePipeline>(Officer, "/api/v1/zones/quang-phu/pipeline?openedFrom=2000-01-01&openedTo=2014-07-05")).Leads);
    }
}
