using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Imports;

public sealed record InvestorRow(int Row, string Name, string Country, IReadOnlyList<Sector> Sectors, string? Website, LocalDate? KnownSince);

public sealed record CertificateRow(
    int Row, string Number, string ProjectName, IReadOnlyList<string> Investors, string Zone, Sector Sector, Money Capital, decimal LandAreaHectares,
    LocalDate IssuedOn, int DurationYears, IReadOnlyList<Milestone> Milestones, int? PlannedJobs, LocalDate? KnownSince);

public sealed record AmendmentRow(
    int Row, string CertificateNumber, int Number, LocalDate On, Money? CapitalChange, int ExtensionMonths, IReadOnlyList<string> InvestorsAdded,
    IReadOnlyList<string> InvestorsRemoved, int? PlannedJobs, string Reason, LocalDate? KnownSince, decimal? LandAreaHectares = null,
    IReadOnlyList<Milestone>? Schedule = null, string? Objectives = null);

public sealed record InspectionRow(
    int Row, string CertificateNumber, LocalDate On, Progress Progress, IReadOnlyList<string> MilestonesMet, decimal DisbursedUsd,
    int? VietnameseEmployees, int? ForeignEmployees, string Findings, string? Inspector, LocalDate? KnownSince);

public sealed record RevocationRow(int Row, string CertificateNumber, LocalDate On, RevocationGround Ground, string Decision, LocalDate? KnownSince);

/// <summary>Every row of a file, typed; and the problems of the cells that could not be read.</summary>
public sealed class ImportRows
{
    public List<InvestorRow> Investors { get; } = [];
    public List<CertificateRow> Certificates { get; } = [];
    public List<AmendmentRow> Amendments { get; } = [];
    public List<InspectionRow> Inspections { get; } = [];
    public List<RevocationRow> Revocations { get; } = [];
    public List<ImportProblem> Problems { get; } = [];
    /// <summary>Numbers of certificate rows with problems: the rows naming them are not also reported as naming an unknown certificate.</summary>
    public HashSet<string> FailedCertificateNumbers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> RowsRead { get; } = ImportSheets.All.ToDictionary(s => s.Name, _ => 0);

    public int Count => RowsRead.Values.Sum();

    /// <summary>Reads one row of a sheet into its typed record; a row with any unreadable cell adds its problems instead.</summary>
    public void Add(ImportRow row)
    {
        RowsRead[row.Sheet] = RowsRead.GetValueOrDefault(row.Sheet) + 1;
        var r = new RowReader(row, Problems);
        switch (row.Sheet)
        {
            case ImportSheets.Investors:
            {
                var name = r.Text("name", required: true, maxLength: 300);
                var country = r.Text("country", required: true)?.ToUpperInvariant();
                if (country is not null && !Countries.IsAssigned(country))
                    r.Problem("country", "import.unknown_code", $"country '{country}' is not an ISO 3166-1 alpha-2 code.");
                var sectors = r.Codes<Sector>("sectors");
                var website = r.Text("website", maxLength: 500);
                var knownSince = r.Date("known_since");
                if (!r.Failed) Investors.Add(new(r.Row, name!, country!, sectors, website, knownSince));
                break;
            }
            case ImportSheets.Certificates:
            {
                var number = r.Text("number", required: true, maxLength: 50);
                if (number is not null && !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or ' '))
                    r.Problem("number", "import.invalid_text", "number may hold letters, digits, dots, slashes, dashes and spaces.");
                var project = r.Text("project_name", required: true, maxLength: 300);
                var investors = r.List("investors");
                if (investors.Count == 0 && !r.Failed) r.Problem("investors", "import.required", "investors is required: one or more legal names separated by ';'.");
                var zone = r.Text("zone", required: true, maxLength: 50);
                var sector = r.Code<Sector>("sector", required: true);
                var capital = r.Money("capital_amount", "currency", "usd_rate", "rate_date", required: true);
                var land = r.Number("land_area_ha", required: true);
                if (land is < 0 or > 100_000) r.Problem("land_area_ha", "import.invalid_number", "land_area_ha must be from 0 to 100,000 hectares.");
                var issued = r.Date("issued_on", required: true);
                var duration = r.Whole("duration_years", 1, 70, required: true);
                var milestones = Milestones(r, "milestones");
                var jobs = r.Whole("planned_jobs", 0, 1_000_000);
                var knownSince = r.Date("known_since");
                if (r.Failed && number is not null) FailedCertificateNumbers.Add(number);
                if (!r.Failed)
                    Certificates.Add(new(r.Row, number!, project!, investors, zone!, sector!.Value, capital!, land!.Value, issued!.Value, duration!.Value,
                        milestones, jobs, knownSince));
                break;
            }
            case ImportSheets.Amendments:
            {
                var certificate = r.Text("certificate_number", required: true, maxLength: 50);
                var number = r.Whole("number", 1, 10_000, required: true);
                var on = r.Date("on", required: true);
                var change = r.Money("capital_change_amount", "currency", "usd_rate", "rate_date", required: false, allowNegative: true);
                if (change is { Amount: 0 }) change = null;
                var extension = r.Whole("extension_months", 0, Certificate.MaxExtensionMonths) ?? 0;
                var added = r.List("investors_added");
                var removed = r.List("investors_removed");
                var jobs = r.Whole("planned_jobs", 0, 1_000_000);
                var land = r.Number("land_area_ha");
                if (land is < 0 or > 100_000) r.Problem("land_area_ha", "import.invalid_number", "land_area_ha must be from 0 to 100,000 hectares.");
                var schedule = Milestones(r, "milestones");
                var objectives = r.Text("objectives", maxLength: 2000);
                var reason = r.Text("reason", maxLength: 1000) ?? "Imported from the existing register (no reason recorded).";
                var knownSince = r.Date("known_since");
                if (!r.Failed && change is null && extension == 0 && added.Count == 0 && removed.Count == 0 && jobs is null && land is null
                    && schedule.Count == 0 && objectives is null)
                    r.Problem(null, "import.amendment_changes_nothing",
                        "The amendment changes nothing: give capital_change_amount, extension_months, investors_added, investors_removed, planned_jobs, "
                        + "land_area_ha, milestones or objectives.");
                if (!r.Failed)
                    Amendments.Add(new(r.Row, certificate!, number!.Value, on!.Value, change, extension, added, removed, jobs, reason, knownSince, land,
                        schedule.Count == 0 ? null : schedule, objectives));
                break;
            }
            case ImportSheets.Inspections:
            {
                var certificate = r.Text("certificate_number", required: true, maxLength: 50);
                var on = r.Date("on", required: true);
                var progress = r.Code<Progress>("progress", required: true);
                var met = r.List("milestones_met");
                var disbursed = r.Number("disbursed_usd", required: true);
                if (disbursed is { } d && Money.Usd(d).Problem() is { } problem) r.Problem("disbursed_usd", "import.invalid_money", $"disbursed_usd: {problem}.");
                var vietnamese = r.Whole("employees_vietnamese", 0, 1_000_000);
                var foreign = r.Whole("employees_foreign", 0, 1_000_000);
                var findings = r.Text("findings", maxLength: 4000) ?? "";
                var inspector = r.Text("inspector", maxLength: 200);
                var knownSince = r.Date("known_since");
                if (!r.Failed)
                    Inspections.Add(new(r.Row, certificate!, on!.Value, progress!.Value, met, disbursed!.Value, vietnamese, foreign, findings, inspector, knownSince));
                break;
            }
            case ImportSheets.Revocations:
            {
                var certificate = r.Text("certificate_number", required: true, maxLength: 50);
                var on = r.Date("on", required: true);
                var ground = r.Code<RevocationGround>("ground", required: true);
                var decision = r.Text("decision", required: true, maxLength: 200);
                var knownSince = r.Date("known_since");
                if (!r.Failed) Revocations.Add(new(r.Row, certificate!, on!.Value, ground!.Value, decision!, knownSince));
                break;
            }
        }
    }

    private static List<Milestone> Milestones(RowReader r, string column)
    {
        var milestones = new List<Milestone>();
        foreach (var part in r.List(column))
        {
            var at = part.LastIndexOf('=');
            var name = at > 0 ? part[..at].Trim() : "";
            if (at <= 0 || RowReader.ParseDate(part[(at + 1)..].Trim()) is not { } due)
            {
                r.Problem(column, "import.invalid_milestone", $"{column} '{part}' is not name=date (Operation=2016-06-30).");
                continue;
            }
            if (milestones.Any(m => m.Name == name)) r.Problem(column, "import.invalid_milestone", $"{column} names '{name}' twice.");
            milestones.Add(new Milestone(name, due));
        }
        return milestones;
    }
}
