using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Imports;
using Investment.Domain.Investors;
using NodaTime;

// "Imports" is a keyword of Visual Basic only: the tests mirror the domain's folder.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Investment.Domain.Tests.Imports")]

namespace Investment.Domain.Tests.Imports;

public sealed class ImportPlannerTests
{
    private static readonly Instant Now = Instant.FromUtc(2014, 7, 5, 3, 0);
    private int row = 1;

    private ImportRow Row(string sheet, params (string Column, string Value)[] cells) =>
        new(sheet, ++row, cells.ToDictionary(c => c.Column, c => new ImportCell(c.Value)));

    private static ImportRows Rows(params ImportRow[] rows)
    {
        var all = new ImportRows();
        foreach (var r in rows) all.Add(r);
        return all;
    }

    private ImportRow Investor(string name = "Doosan Heavy Industries", string country = "KR") => Row(ImportSheets.Investors, ("name", name), ("country", country));

    private ImportRow Certificate(string number = "341043000012", string issuedOn = "20/06/2010", string knownSince = "2010-06-23", string capital = "150000000.00") =>
        Row(ImportSheets.Certificates, ("number", number), ("project_name", "Doosan plant"), ("investors", "Doosan Heavy Industries"), ("zone", "dung-quat"),
            ("sector", "heavyIndustry"), ("capital_amount", capital), ("currency", "USD"), ("land_area_ha", "28"), ("issued_on", issuedOn),
            ("duration_years", "50"), ("milestones", "Site clearance=2010-12-31;Operation=2012-06-30"), ("known_since", knownSince));

    private static ImportPlan Plan(ImportRows rows, IReadOnlyDictionary<string, KnownCertificate>? stored = null, IReadOnlyCollection<KnownInvestor>? investors = null) =>
        ImportPlanner.Plan(rows, investors ?? [], stored ?? new Dictionary<string, KnownCertificate>(), "admin.tran", Now, Guid.NewGuid);

    [Fact]
    public void an_imported_fact_is_recorded_as_known_from_the_start_of_its_known_since_day_in_vietnam()
    {
        var plan = Plan(Rows(Investor(), Certificate()));

        Assert.Empty(plan.Problems);
        var issued = Assert.IsType<CertificateIssued>(plan.Streams.Single(s => s.IsCertificate).Events.Single().Data);
        Assert.Equal(Instant.FromUtc(2010, 6, 22, 17, 0), issued.RecordedAt); // 2010-06-23 00:00 in Asia/Ho_Chi_Minh
        Assert.Equal(new LocalDate(2010, 6, 20), issued.IssuedOn);
        // The investor is known from the earliest fact naming it.
        var registered = Assert.IsType<InvestorRegistered>(plan.Streams.Single(s => !s.IsCertificate).Events.Single().Data);
        Assert.Equal(issued.RecordedAt, registered.RecordedAt);
    }

    [Fact]
    public void a_fact_without_known_since_is_known_from_its_business_date_and_the_plan_counts_it()
    {
        var plan = Plan(Rows(Investor(), Certificate(knownSince: "")));

        var issued = (CertificateIssued)plan.Streams.Single(s => s.IsCertificate).Events.Single().Data;
        Assert.Equal(Instant.FromUtc(2010, 6, 19, 17, 0), issued.RecordedAt);
        Assert.Equal(1, plan.KnownSinceDefaulted);
    }

    [Theory]
    [InlineData("2010-06-19", "import.known_since_before_date")]
    [InlineData("2014-07-06", "import.known_since_in_future")]
    public void known_since_lies_between_the_business_date_and_today(string knownSince, string code)
    {
        var plan = Plan(Rows(Investor(), Certificate(knownSince: knownSince)));

        Assert.Empty(plan.Streams);
        Assert.Equal((ImportSheets.Certificates, "known_since", code), (plan.Problems[0].Sheet, plan.Problems[0].Column, plan.Problems[0].Code));
    }

    [Fact]
    public void amendments_and_inspections_go_through_the_certificate_rules_in_date_order()
    {
        var plan = Plan(Rows(Investor(), Certificate(),
            Row(ImportSheets.Inspections, ("certificate_number", "341043000012"), ("on", "2011-01-10"), ("progress", "onSchedule"),
                ("milestones_met", "Site clearance"), ("disbursed_usd", "20000000")),
            Row(ImportSheets.Amendments, ("certificate_number", "341043000012"), ("number", "1"), ("on", "2010-09-01"), ("capital_change_amount", "-200000000"),
                ("currency", "USD"))));

        var problem = Assert.Single(plan.Problems);
        Assert.Equal((ImportSheets.Amendments, "certificate.capital_below_zero"), (problem.Sheet, problem.Code));
    }

    [Fact]
    public void a_stored_certificate_stated_alike_is_unchanged_and_stated_otherwise_is_a_conflict()
    {
        var first = Plan(Rows(Investor(), Certificate()));
        var issued = (CertificateIssued)first.Streams.Single(s => s.IsCertificate).Events.Single().Data;
        var investor = (InvestorRegistered)first.Streams.Single(s => !s.IsCertificate).Events.Single().Data;
        var stored = new Dictionary<string, KnownCertificate> { [issued.Number] = new(Domain.Certificates.Certificate.Create(issued), 1) };
        KnownInvestor[] investors = [new(investor.InvestorId, investor.Profile)];

        var again = Plan(Rows(Investor(), Certificate()), stored, investors);
        var changed = Plan(Rows(Investor(), Certificate(capital: "160000000.00")), stored, investors);

        Assert.Empty(again.Problems);
        Assert.Empty(again.Streams);
        Assert.Equal((1, 0), (again.Sheets[ImportSheets.Certificates].Unchanged, again.Sheets[ImportSheets.Certificates].Created));
        Assert.Equal(("capital_amount", "import.conflict"), (changed.Problems.Single().Column, changed.Problems.Single().Code));
    }

    [Theory]
    [InlineData("2014-06-30", 2014, 6, 30)]
    [InlineData("30/06/2014", 2014, 6, 30)]
    [InlineData("1/7/2014", 2014, 7, 1)]
    public void dates_are_read_as_iso_or_vietnamese(string text, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), RowReader.ParseDate(text));

    [Theory]
    [InlineData("issued_on", "31/02/2010", "import.invalid_date")]
    [InlineData("sector", "spaceMining", "import.unknown_code")]
    [InlineData("sector", "3", "import.unknown_code")]
    [InlineData("capital_amount", "1,000.00", "import.invalid_number")]
    [InlineData("capital_amount", "100.123", "import.invalid_money")]
    [InlineData("duration_years", "2.5", "import.invalid_number")]
    [InlineData("milestones", "Operation:2012-06-30", "import.invalid_milestone")]
    public void a_bad_cell_is_a_problem_naming_its_column(string column, string value, string code)
    {
        var certificate = Certificate();
        var cells = certificate.Cells.ToDictionary(c => c.Key, c => c.Value);
        cells[column] = new ImportCell(value);

        var rows = Rows(Investor(), certificate with { Cells = cells });

        var problem = Assert.Single(rows.Problems);
        Assert.Equal((column, code), (problem.Column, problem.Code));
    }

    [Fact]
    public void a_formula_cell_is_a_problem()
    {
        var certificate = Certificate();
        var cells = certificate.Cells.ToDictionary(c => c.Key, c => c.Value);
        cells["capital_amount"] = new ImportCell("150000000", 150_000_000m, IsFormula: true);

        var rows = Rows(Investor(), certificate with { Cells = cells });

        Assert.Equal(("capital_amount", "import.formula_cell"), (rows.Problems.Single().Column, rows.Problems.Single().Code));
    }

    [Fact]
    public void a_name_in_two_countries_is_ambiguous_and_an_unknown_one_is_unknown()
    {
        var plan = Plan(Rows(Investor(country: "KR"), Investor(country: "VN"), Certificate(),
            Row(ImportSheets.Amendments, ("certificate_number", "341043000012"), ("number", "1"), ("on", "2011-01-01"), ("investors_added", "Nobody Ltd."))));

        Assert.Equal(["import.ambiguous_investor", "import.unknown_certificate"], plan.Problems.Select(p => p.Code).Order(StringComparer.Ordinal));
    }
}

public sealed class ImportedAmendmentTests
{
    [Fact]
    public void an_amendment_row_records_every_fact_an_amendment_by_hand_can()
    {
        var rows = new ImportRows();
        var n = 1;
        ImportRow Row(string sheet, params (string Column, string Value)[] cells) => new(sheet, ++n, cells.ToDictionary(c => c.Column, c => new ImportCell(c.Value)));
        rows.Add(Row(ImportSheets.Investors, ("name", "Guang Lian Steel"), ("country", "TW")));
        rows.Add(Row(ImportSheets.Investors, ("name", "JFE Steel"), ("country", "JP")));
        rows.Add(Row(ImportSheets.Certificates, ("number", "GL-1"), ("project_name", "Guang Lian steel mill"), ("investors", "Guang Lian Steel"), ("zone", "dung-quat"),
            ("sector", "steelAndMetallurgy"), ("capital_amount", "556000000"), ("currency", "USD"), ("land_area_ha", "400"), ("issued_on", "2006-03-01"),
            ("duration_years", "50"), ("milestones", "Blast furnace=2009-12-31")));
        rows.Add(Row(ImportSheets.Amendments, ("certificate_number", "GL-1"), ("number", "1"), ("on", "2008-05-14"), ("capital_change_amount", "2444000000"),
            ("currency", "USD"), ("investors_added", "JFE Steel"), ("planned_jobs", "6000"), ("land_area_ha", "422"), ("milestones", "Blast furnace=2011-12-31;Rolling mill=2013-06-30"),
            ("objectives", "Integrated steel complex."), ("extension_months", "6"), ("reason", "Second blast furnace.")));

        var plan = ImportPlanner.Plan(rows, [], new Dictionary<string, KnownCertificate>(), "admin.tran", Instant.FromUtc(2014, 7, 5, 3, 0), Guid.NewGuid);

        Assert.Empty(plan.Problems);
        var amended = Assert.IsType<CertificateAmended>(plan.Streams.Single(s => s.IsCertificate).Events[1].Data);
        Assert.Equal((2_444_000_000m, 422m, 6, 6000, "Integrated steel complex."), (amended.CapitalChange!.Amount, amended.LandAreaHectares!.Value, amended.ExtensionMonths,
            amended.PlannedEmployees!.Value, amended.Objectives!));
        Assert.Equal(["Blast furnace", "Rolling mill"], amended.Schedule!.Select(m => m.Name));
        Assert.Equal("JFE Steel", Assert.Single(amended.Investors!.Joined).Name);
    }
}
