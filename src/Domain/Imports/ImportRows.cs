using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
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

/// <summary>A lead as opened by hand, and the open stage it reached and its loss when the register records them.</summary>
public sealed record LeadRow(
    int Row, string Investor, string Zone, string ProjectName, Sector Sector, Money Estimate, LeadSource Source, string? Owner, LocalDate OpenedOn,
    LeadStage? Stage, LocalDate? StageOn, LossReason? LostReasonCode, string? LostReason, string? LostToCountry, string? LostToZone, LocalDate? LostOn,
    LocalDate? KnownSince);

/// <summary>A contact as logged by hand, naming its lead by investor, zone and project name.</summary>
public sealed record ContactRow(
    int Row, string Investor, string Zone, string ProjectName, Instant OccurredAt, ContactChannel Channel, IReadOnlyList<string> Officers,
    IReadOnlyList<string> InvestorPeople, string Summary, string? NextStep, LocalDate? FollowUpOn, LocalDate? KnownSince);

/// <summary>Every row of a file, typed; and the problems of the cells that could not be read.</summary>
public sealed class ImportRows
{
    public List<InvestorRow> Investors { get; } = [];
    public List<CertificateRow> Certificates { get; } = [];
    public List<AmendmentRow> Amendments { get; } = [];
    public List<InspectionRow> Inspections { get; } = [];
    public List<RevocationRow> Revocations { get; } = [];
    public List<LeadRow> Leads { get; } = [];
    public List<ContactRow> Contacts { get; } = [];
    public List<ImportProblem> Problems { get; } = [];
    /// <summary>Numbers of certificate rows with problems: the rows naming them are not also reported as naming an unknown certificate.</summary>
    public HashSet<string> FailedCertificateNumbers { get; } = new(StringComparer.Ordinal);
    /// <summary>Leads (<see cref="LeadName"/>) whose rows have problems: their contacts are not also reported as naming an unknown lead.</summary>
    public HashSet<string> FailedLeads { get; } = new(StringComparer.Ordinal);

    /// <summary>A lead as a file names it: investor's legal name and project name folded, and zone.</summary>
    public static string LeadName(string investor, string zone, string project) => $"{SearchText.Fold(investor)}\n{zone}\n{SearchText.Fold(project)}";
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
            case ImportSheets.Leads:
            {
                var (investor, zone, project) = LeadKey(r);
                var sector = r.Code<Sector>("sector", required: true);
                var estimate = r.Money("estimated_capital_amount", "currency", "usd_rate", "rate_date", required: true);
                var source = r.Code<LeadSource>("source", required: true);
                var owner = r.Text("owner", maxLength: 100);
                var opened = r.Date("opened_on", required: true);
                var stage = r.Code<LeadStage>("stage");
                if (stage is LeadStage.Lost)
                    r.Problem("stage", "import.unknown_code", "stage 'lost': give the open stage the lead was lost at, and lost_reason_code and lost_on.");
                var stageOn = r.Date("stage_on");
                if (stageOn is not null && stage is null) r.Problem("stage_on", "import.required", "stage_on is given without stage.");
                var code = r.Code<LossReason>("lost_reason_code");
                var reason = r.Text("lost_reason", maxLength: 1000);
                var country = r.Text("lost_to_country", maxLength: 2)?.ToUpperInvariant();
                var lostZone = r.Text("lost_to_zone", maxLength: 200);
                var lostOn = r.Date("lost_on");
                if (code is { } lost)
                {
                    if (lostOn is null && !r.Failed) r.Problem("lost_on", "import.required", "lost_on is required with lost_reason_code.");
                    foreach (var (field, message) in LossReasons.Check(lost, country, lostZone))
                        r.Problem(field == "lostToCountry" ? "lost_to_country" : "lost_to_zone", "import.invalid_loss", message.Replace("lostToCountry", "lost_to_country", StringComparison.Ordinal)
                            .Replace("lostToZone", "lost_to_zone", StringComparison.Ordinal).Replace("reasonCode", "lost_reason_code", StringComparison.Ordinal));
                }
                else if (reason is not null || country is not null || lostZone is not null || lostOn is not null)
                    r.Problem("lost_reason_code", "import.required", "lost_reason_code is required when the lead was lost (lost_reason, lost_to_country, lost_to_zone or lost_on is given).");
                var knownSince = r.Date("known_since");
                if (r.Failed && investor is not null && zone is not null && project is not null) FailedLeads.Add(LeadName(investor, zone, project));
                if (!r.Failed)
                    Leads.Add(new(r.Row, investor!, zone!, project!, sector!.Value, estimate!, source!.Value, owner, opened!.Value, stage, stageOn, code, reason,
                        country, lostZone, lostOn, knownSince));
                break;
            }
            case ImportSheets.Contacts:
            {
                var (investor, zone, project) = LeadKey(r);
                var instant = r.InstantAt("occurred_at");
                var local = r.LocalTime("occurred_at_local");
                if (instant is not null && local is not null)
                    r.Problem("occurred_at", "import.invalid_date", "Give one of occurred_at (an instant) and occurred_at_local (Vietnam's time), not both.");
                else if (instant is null && local is null && !r.Failed)
                    r.Problem("occurred_at_local", "import.required", "occurred_at_local (Vietnam's time) or occurred_at (an instant) is required.");
                var channel = r.Code<ContactChannel>("channel", required: true);
                var officers = People(r, "officers");
                var people = People(r, "investor_people");
                if (officers.Count + people.Count == 0 && !r.Failed)
                    r.Problem("officers", "import.required", "Name at least one person who took part (officers or investor_people).");
                var summary = r.Text("summary", required: true, maxLength: 4000);
                var next = r.Text("next_step", maxLength: 1000);
                var followUp = r.Date("follow_up_on");
                var knownSince = r.Date("known_since");
                if (!r.Failed)
                    Contacts.Add(new(r.Row, investor!, zone!, project!, instant ?? local!.Value.InZoneLeniently(VietnamCalendar.Zone).ToInstant(), channel!.Value,
                        officers, people, summary!, next, followUp, knownSince));
                break;
            }
        }
    }

    private static (string? Investor, string? Zone, string? Project) LeadKey(RowReader r)
    {
        var investor = r.Text("investor", required: true, maxLength: 300);
        var zone = r.Text("zone", required: true, maxLength: 50);
        var project = r.Text("project_name", required: true, maxLength: 300);
        if (project is not null && !project.Any(char.IsLetter)) r.Problem("project_name", "import.invalid_text", "project_name must contain at least one letter.");
        return (investor, zone, project);
    }

    /// <summary>People who took part, as the contact endpoints take them: at most 50, each with a letter and at most 200 characters.</summary>
    private static IReadOnlyList<string> People(RowReader r, string column)
    {
        var people = r.List(column);
        if (people.Count > 50) r.Problem(column, "import.too_long", $"{column} names more than 50 people.");
        foreach (var person in people)
            if (person.Length > 200 || !person.Any(char.IsLetter))
                r.Problem(column, "import.invalid_text", $"{column} '{person}': each person has at least one letter and at most 200 characters.");
        return people;
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
