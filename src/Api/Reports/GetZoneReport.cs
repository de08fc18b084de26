using Investment.Api.Language;
using Investment.Api.Documents;
using Investment.Api.Zones;
using Investment.Domain.Common;
using Investment.Domain.Reports;
using Investment.Domain.Zones;
using Investment.Domain.Targets;

namespace Investment.Api.Reports;

/// <summary>
/// The report every body sends to the Provincial People's Committee through the Department of Industry and Trade
/// (section C.2 of the plan): for the first half (1 January – 30 June) or the year. Amounts are in USD with two decimals;
/// attractedUsd = newCapitalUsd + capitalAddedUsd − capitalReducedUsd, each of those positive.
/// </summary>
/// <param name="AttractedUsd">The net attracted capital: newCapitalUsd + capitalAddedUsd − capitalReducedUsd.</param>
/// <param name="NewCertificates">The certificates issued in the period, one line each (their count is newCertificateCount).</param>
/// <param name="NewCertificateCount">How many certificates were issued in the period.</param>
/// <param name="NewCapitalUsd">Their registered capital (positive).</param>
/// <param name="Amendments">Every amendment dated in the period, one line each, its amountUsd signed (a reduction negative, 0 when no capital changed).</param>
/// <param name="CapitalIncreaseAmendments">Amendments that added capital.</param>
/// <param name="CapitalAddedUsd">The capital they added (positive).</param>
/// <param name="CapitalReductionAmendments">Amendments that reduced capital.</param>
/// <param name="CapitalReducedUsd">The capital they reduced, as a positive amount: it is subtracted from attractedUsd.</param>
/// <param name="OtherAmendments">Amendments that changed no capital: counted apart from capital amendments.</param>
/// <param name="Revocations">The certificates revoked in the period, each with its capital (positive), beside the figure.</param>
/// <param name="RevokedCapitalUsd">Their capital (positive), not subtracted from attractedUsd.</param>
/// <param name="Realised">Realised capital (vốn thực hiện) beside registered capital: disbursed in the period and cumulative at its end, with the realisation rate.</param>
/// <param name="Jobs">Employees planned by certificates and working on projects (from inspections), at the period's end.</param>
/// <param name="Leads">Leads opened, certified and lost (by reason and where to), contacts logged, and the response time (per officer for officers and admins).</param>
/// <param name="Freshness">The event position the report is current to (it comes from asynchronous projections), and whether it missed the minPosition asked for.</param>
/// <param name="Reconstructed">Present when asOf is before the first import of an existing registry: the figures are reconstructed from imported records.</param>
public sealed record ZoneReport(
    string ZoneCode, int Year, string Period, LocalDate From, LocalDate To, LocalDate? AsOf, CountingRule Rule, TargetRange? Target, TargetStatus Status,
    decimal AttractedUsd, IReadOnlyList<CapitalMovement> NewCertificates, int NewCertificateCount, decimal NewCapitalUsd,
    IReadOnlyList<CapitalMovement> Amendments, int CapitalIncreaseAmendments, decimal CapitalAddedUsd, int CapitalReductionAmendments,
    decimal CapitalReducedUsd, int OtherAmendments, IReadOnlyList<CapitalMovement> Revocations, decimal RevokedCapitalUsd, LeadFigures Leads,
    IReadOnlyList<CountryFigure> ByCountry, IReadOnlyList<SectorFigure> BySector, RealisedCapital Realised, JobFigures Jobs, Freshness? Freshness = null,
    string? Reconstructed = null);

public static class GetZoneReport
{
    public const string FirstHalf = "first-half";
    public const string WholeYear = "year";

    /// <param name="period">first-half (1 January – 30 June) or year.</param>
    /// <param name="asOf">Answer as the store knew it at the end of this day (2014-07-05), by recording time; now when omitted.</param>
    /// <param name="minPosition">Read your write: the Event-Position a write answered; the read waits (a few seconds at most) for it, else answers stale.</param>
    /// <param name="format">json (the default), csv or xlsx (the workbook filed, in the language of Accept-Language); instead of the Accept header.</param>
    /// <param name="delimiter">For CSV: comma (the default: decimals with a dot) or semicolon (decimals with a comma, as Excel reads CSV under Vietnamese Windows settings).</param>
    public static async Task<IResult> Handle(
        string code, int year, string period, string? asOf, string? minPosition, string? format, string? delimiter, IQuerySession session,
        ZoneFacts facts, IClock clock, ClaimsPrincipal user, FreshnessOptions freshnessOptions, HttpContext http, CancellationToken ct)
    {
        if (period is not (FirstHalf or WholeYear))
            return Problems.BadRequest("request.invalid_period", $"period must be {FirstHalf} or {WholeYear}.");
        if (Formats.Choose(http.Request, format, out var answer, AnswerFormat.Csv, AnswerFormat.Xlsx) is { } badFormat) return badFormat;
        if (ReportCsv.Delimiter(delimiter, out var separator) is { } badDelimiter) return badDelimiter;
        if (ProjectionFreshness.Parse(minPosition, out var position) is { } badPosition) return badPosition;
        // Without a minPosition to wait for, the freshness comes with the rest of what the report reads, in one statement.
        var context = position is null ? await ReportContext.Read(session, code, year, ct) : null;
        var freshness = (context?.Freshness()
            ?? await ProjectionFreshness.Wait(session, freshnessOptions, position, ct, ProjectionFreshness.EventsPosition)).On(http);
        var (inputs, problem) = await ReportInputs.Load(session, facts, clock, code, year, asOf, withLeads: true, ct, context: context);
        if (problem is not null) return problem;

        var from = new LocalDate(year, 1, 1);
        var to = period == FirstHalf ? new LocalDate(year, 6, 30) : new LocalDate(year, 12, 31);
        var figures = inputs!.Attracted(from, to);
        var implemented = inputs.Implemented(from, to);
        var statusDay = inputs.Today < to ? inputs.Today : to;
        var report = new ZoneReport(code, year, period, from, to, inputs.AsOf, Labels.Of(figures.Rule), inputs.Target,
            inputs.Status(figures.AttractedUsd, statusDay), figures.AttractedUsd,
            [.. figures.Lines.Where(l => l.Kind == MovementKind.NewCertificate)], figures.NewCertificates, figures.NewCapitalUsd,
            figures.AmendmentLines, figures.CapitalIncreaseAmendments, figures.CapitalAddedUsd, figures.CapitalReductionAmendments,
            figures.CapitalReducedUsd, figures.OtherAmendments, figures.Revoked, figures.RevokedCapitalUsd,
            Leads(LeadFigures.Count(inputs.LeadFacts, from, to, inputs.KnownAt, inputs.StandardWorkingDays, inputs.Today), user), figures.ByCountry, figures.BySector,
            implemented.Realised, implemented.Jobs, freshness, inputs.Reconstructed);

        switch (answer)
        {
            case AnswerFormat.Csv:
                return TypedResults.File(ReportCsv.Write(report, separator), "text/csv; charset=utf-8", $"{code}-{year}-{period}.csv");
            case AnswerFormat.Xlsx:
                var zone = await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct);
                var zoneName = Languages.InVietnamese ? zone?.VietnameseName ?? code : zone?.Name ?? code;
                return Formats.Workbook(ReportWorkbook.Write(report, zoneName, VietnamCalendar.Today(clock.GetCurrentInstant())), $"{code}-{year}-{period}");
            default:
                return TypedResults.Ok(report);
        }
    }

    /// <summary>Partners see no per-officer figures.</summary>
    private static LeadFigures Leads(LeadFigures figures, ClaimsPrincipal user) => user.SeesPersonalData() ? figures : figures with { ResponseByOfficer = null };
}
