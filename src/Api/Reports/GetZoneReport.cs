using Investment.Domain.Reports;
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
/// <param name="Reconstructed">Present when asOf is before the first import of an existing registry: the figures are reconstructed from imported records.</param>
public sealed record ZoneReport(
    string ZoneCode, int Year, string Period, LocalDate From, LocalDate To, LocalDate? AsOf, CountingRule Rule, TargetRange? Target, TargetStatus Status,
    decimal AttractedUsd, IReadOnlyList<CapitalMovement> NewCertificates, int NewCertificateCount, decimal NewCapitalUsd,
    IReadOnlyList<CapitalMovement> Amendments, int CapitalIncreaseAmendments, decimal CapitalAddedUsd, int CapitalReductionAmendments,
    decimal CapitalReducedUsd, int OtherAmendments, IReadOnlyList<CapitalMovement> Revocations, decimal RevokedCapitalUsd, LeadFigures Leads,
    IReadOnlyList<CountryFigure> ByCountry, IReadOnlyList<SectorFigure> BySector, RealisedCapital Realised, JobFigures Jobs, string? Reconstructed = null);

public static class GetZoneReport
{
    public const string FirstHalf = "first-half";
    public const string WholeYear = "year";

    /// <param name="period">first-half (1 January – 30 June) or year.</param>
    /// <param name="asOf">Answer as the store knew it at the end of this day (2014-07-05), by recording time; now when omitted.</param>
    public static async Task<IResult> Handle(
        string code, int year, string period, string? asOf, IQuerySession session, IClock clock, HttpContext http, CancellationToken ct)
    {
        if (period is not (FirstHalf or WholeYear))
            return Problems.BadRequest("request.invalid_period", $"period must be {FirstHalf} or {WholeYear}.");
        var (inputs, problem) = await ReportInputs.Load(session, clock, code, year, asOf, withLeads: true, ct);
        if (problem is not null) return problem;

        var from = new LocalDate(year, 1, 1);
        var to = period == FirstHalf ? new LocalDate(year, 6, 30) : new LocalDate(year, 12, 31);
        var figures = inputs!.Attracted(from, to);
        var implemented = inputs.Implemented(from, to);
        var statusDay = inputs.Today < to ? inputs.Today : to;
        var report = new ZoneReport(code, year, period, from, to, inputs.AsOf, figures.Rule, inputs.Target,
            TargetStatus.Evaluate(inputs.Target, figures.AttractedUsd, year, statusDay), figures.AttractedUsd,
            [.. figures.Lines.Where(l => l.Kind == MovementKind.NewCertificate)], figures.NewCertificates, figures.NewCapitalUsd,
            figures.AmendmentLines, figures.CapitalIncreaseAmendments, figures.CapitalAddedUsd, figures.CapitalReductionAmendments,
            figures.CapitalReducedUsd, figures.OtherAmendments, figures.Revoked, figures.RevokedCapitalUsd,
            LeadFigures.Count(inputs.LeadFacts, from, to, inputs.KnownAt), figures.ByCountry, figures.BySector,
            implemented.Realised, implemented.Jobs, inputs.Reconstructed);

        return ReportCsv.Wanted(http.Request)
            ? TypedResults.File(ReportCsv.Write(report), "text/csv; charset=utf-8", $"{code}-{year}-{period}.csv")
            : TypedResults.Ok(report);
    }
}
