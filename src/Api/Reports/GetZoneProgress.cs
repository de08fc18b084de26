using Investment.Api.Language;
using Investment.Api.Targets;
using Investment.Domain.Common;
using Investment.Domain.Reports;
using Investment.Domain.Targets;

namespace Investment.Api.Reports;

/// <summary>
/// A zone's attracted capital for a year against its target. Computed from certificate events, never typed in. Every
/// amount is in USD with two decimals and positive but the net figure: attractedUsd = newCapitalUsd + capitalAddedUsd −
/// capitalReducedUsd; revokedCapitalUsd stands beside it.
/// </summary>
/// <param name="AsOf">The date the figures are as known on; absent when they are as known now.</param>
/// <param name="AttractedUsd">The net attracted capital: newCapitalUsd + capitalAddedUsd − capitalReducedUsd.</param>
/// <param name="NewCertificates">Certificates issued in the year.</param>
/// <param name="NewCapitalUsd">Their registered capital (positive).</param>
/// <param name="Amendments">All amendments dated in the year: capitalIncreaseAmendments + capitalReductionAmendments + otherAmendments.</param>
/// <param name="CapitalIncreaseAmendments">Amendments that added capital.</param>
/// <param name="CapitalAddedUsd">The capital they added (positive).</param>
/// <param name="CapitalReductionAmendments">Amendments that reduced capital.</param>
/// <param name="CapitalReducedUsd">The capital they reduced, as a positive amount: it is subtracted from attractedUsd.</param>
/// <param name="OtherAmendments">Amendments that changed no capital: counted apart from capital amendments.</param>
/// <param name="Revocations">Certificates revoked in the year.</param>
/// <param name="RevokedCapitalUsd">Their capital (positive), beside the figure, not subtracted from it.</param>
/// <param name="Today">The day the status is read for: today in Vietnam, or asOf.</param>
/// <param name="Freshness">The event position the figures are current to (an asynchronous projection), and whether they missed the minPosition asked for.</param>
/// <param name="Reconstructed">Present when asOf is before the first import of an existing registry: the figures are reconstructed from imported records.</param>
public sealed record ZoneProgress(
    string ZoneCode, int Year, LocalDate? AsOf, LocalDate Today, CountingRule Rule, TargetRange? Target, TargetStatus Status,
    decimal AttractedUsd, int NewCertificates, decimal NewCapitalUsd, int Amendments, int CapitalIncreaseAmendments, decimal CapitalAddedUsd,
    int CapitalReductionAmendments, decimal CapitalReducedUsd, int OtherAmendments, int Revocations, decimal RevokedCapitalUsd, IReadOnlyList<CountryFigure> ByCountry, IReadOnlyList<SectorFigure> BySector,
    RealisedCapital Realised, JobFigures Jobs, Freshness? Freshness = null, string? Reconstructed = null);

/// <summary>
/// The lines a zone's figure is made of: their signed amountUsd (a reduction negative) sum exactly to attractedUsd. Each
/// line names the investors it is attributed to: the certificate's on the line's date. Revocations stand beside it.
/// The realised capital and jobs come with a line per certificate issued by the year's end, summing to them.
/// </summary>
/// <param name="RealisedLines">One line per certificate issued by the year's end: those in force sum to realised.registeredUsd, realised.realisedUsd and the jobs; all of them sum to realised.realisedInPeriodUsd.</param>
public sealed record ProgressExplanation(
    string ZoneCode, int Year, LocalDate? AsOf, CountingRule Rule, decimal AttractedUsd, IReadOnlyList<CapitalMovement> Lines, IReadOnlyList<CapitalMovement> Revoked,
    RealisedCapital Realised, JobFigures Jobs, IReadOnlyList<RealisedLine> RealisedLines, Freshness? Freshness = null);

public static class GetZoneProgress
{
    /// <param name="asOf">Answer as the store knew it at the end of this day (2014-07-05), by recording time; now when omitted.</param>
    /// <param name="minPosition">Read your write: the Event-Position a write answered; the read waits (a few seconds at most) for it, else answers stale.</param>
    public static async Task<Results<Ok<ZoneProgress>, ProblemHttpResult>> Handle(
        string code, int year, string? asOf, string? minPosition, IQuerySession session, ProgressCache cache, ZoneFacts facts, IClock clock,
        FreshnessOptions freshnessOptions, HttpContext http, CancellationToken ct)
    {
        if (ProjectionFreshness.Parse(minPosition, out var position) is { } badPosition) return badPosition;
        // "As known on" is always computed; without a minPosition to wait for, its freshness comes with the rest of what it reads, in one statement.
        if (asOf is not null && position is null)
        {
            var context = await ReportContext.Read(session, code, year, ct);
            return Answer(await Compute(session, facts, clock, code, year, asOf, null, ct, context), context.Freshness().On(http));
        }
        var freshness = (await ProjectionFreshness.Wait(session, freshnessOptions, position, ct, ProjectionFreshness.EventsPosition)).On(http);
        // "As known now" is served from the cache while nothing it depends on moved.
        if (asOf is not null) return Answer(await Compute(session, facts, clock, code, year, asOf, null, ct), freshness);
        var today = VietnamCalendar.Today(clock.GetCurrentInstant());
        var depends = await ProgressCache.Dependencies(session, TargetDecider.IdOf(code, year), code, ct);
        return Answer(await cache.Answer(code, year, depends, today, () => Compute(session, facts, clock, code, year, null, depends, ct), ct), freshness);
    }

    /// <summary>The freshness is the request's own: a cached answer is at least as current as the position read for it; the rule's
    /// description is put in the request's language here because the cache holds answers in no language.</summary>
    private static Results<Ok<ZoneProgress>, ProblemHttpResult> Answer((ZoneProgress? Answer, ProblemHttpResult? Problem) result, Freshness freshness) =>
        result.Problem is { } problem ? problem : TypedResults.Ok(result.Answer! with { Rule = Labels.Of(result.Answer.Rule), Freshness = freshness });

    private static async Task<(ZoneProgress? Answer, ProblemHttpResult? Problem)> Compute(
        IQuerySession session, ZoneFacts facts, IClock clock, string code, int year, string? asOf, ProgressCache.Dependency? depends, CancellationToken ct,
        ReportContext? context = null)
    {
        var (inputs, problem) = await ReportInputs.Load(session, facts, clock, code, year, asOf, withLeads: true, ct, leadsOnlyWhileTheYearRuns: true, depends, context);
        if (problem is not null) return (null, problem);
        var figures = inputs!.Attracted(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
        var implemented = inputs.Implemented(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
        return (new ZoneProgress(code, year, inputs.AsOf, inputs.Today, figures.Rule, inputs.Target,
            inputs.Status(figures.AttractedUsd, inputs.Today), figures.AttractedUsd, figures.NewCertificates,
            figures.NewCapitalUsd, figures.Amendments, figures.CapitalIncreaseAmendments, figures.CapitalAddedUsd, figures.CapitalReductionAmendments,
            figures.CapitalReducedUsd, figures.OtherAmendments, figures.Revocations, figures.RevokedCapitalUsd,
            figures.ByCountry, figures.BySector, implemented.Realised, implemented.Jobs, Reconstructed: inputs.Reconstructed), null);
    }

    /// <param name="asOf">Answer as the store knew it at the end of this day, by recording time; now when omitted.</param>
    /// <param name="minPosition">Read your write: the Event-Position a write answered; the read waits (a few seconds at most) for it, else answers stale.</param>
    public static async Task<Results<Ok<ProgressExplanation>, ProblemHttpResult>> Explain(
        string code, int year, string? asOf, string? minPosition, IQuerySession session, ZoneFacts facts, IClock clock, FreshnessOptions freshnessOptions,
        HttpContext http, CancellationToken ct)
    {
        if (ProjectionFreshness.Parse(minPosition, out var position) is { } badPosition) return badPosition;
        var freshness = (await ProjectionFreshness.Wait(session, freshnessOptions, position, ct, ProjectionFreshness.EventsPosition)).On(http);
        var (inputs, problem) = await ReportInputs.Load(session, facts, clock, code, year, asOf, withLeads: false, ct);
        if (problem is not null) return problem;
        var figures = inputs!.Attracted(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
        var implemented = inputs.Implemented(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
        return TypedResults.Ok(new ProgressExplanation(code, year, inputs.AsOf, Labels.Of(figures.Rule), figures.AttractedUsd, figures.Lines, figures.Revoked,
            implemented.Realised, implemented.Jobs, implemented.Lines, freshness));
    }
}
