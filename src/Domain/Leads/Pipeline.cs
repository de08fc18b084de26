namespace Investment.Domain.Leads;

/// <summary>One lead as the pipeline counts it: where it is, the furthest it got, its estimate in USD, its stays.</summary>
public sealed record PipelineLead(LeadStage Stage, LeadStage Furthest, decimal EstimateUsd, IReadOnlyList<StageStay> Stays, LeadLoss? Loss = null);

/// <param name="Current">Leads in this stage now.</param>
/// <param name="EstimatedCapitalUsd">Their estimated capital, in USD.</param>
/// <param name="Reached">Leads that got at least this far (lost ones count up to the stage they were lost at).</param>
/// <param name="ConversionToNext">Of those, the share that got to the next stage (0–1); null for the last stage or none reached.</param>
/// <param name="MedianDays">Median whole days of completed stays in this stage; null when no lead has left it yet.</param>
public sealed record StageFigures(LeadStage Stage, int Current, decimal EstimatedCapitalUsd, int Reached, decimal? ConversionToNext, decimal? MedianDays);

public sealed record PipelineFigures(int Leads, int Lost, decimal LostEstimatedCapitalUsd, IReadOnlyList<StageFigures> Stages, LostFigures LostBy);

/// <param name="Reason">The reason's code.</param>
/// <param name="Label">Its name in English (<see cref="LossReasons.Label"/>).</param>
/// <param name="Leads">Lost leads with this reason.</param>
/// <param name="WithoutReasonCode">Of them, those lost before reason codes were recorded, read as other (0 for every other reason).</param>
/// <param name="EstimatedCapitalUsd">Their estimated capital, in USD.</param>
public sealed record LostReasonFigure(LossReason Reason, string Label, int Leads, int WithoutReasonCode, decimal EstimatedCapitalUsd);

/// <param name="LostTo">The country (ISO 3166-1 alpha-2) or the zone the leads were lost to.</param>
public sealed record LostToFigure(string LostTo, int Leads, decimal EstimatedCapitalUsd);

/// <summary>
/// Lost leads by reason (every reason of the fixed list, in its order, zeros included, so that the rows add up to the
/// leads lost) and by the country and the zone in Vietnam they were lost to (most leads first).
/// </summary>
public sealed record LostFigures(IReadOnlyList<LostReasonFigure> ByReason, IReadOnlyList<LostToFigure> ToCountries, IReadOnlyList<LostToFigure> ToZones)
{
    public static LostFigures Count(IReadOnlyCollection<(LeadLoss Loss, decimal EstimateUsd)> lost)
    {
        var byReason = Enum.GetValues<LossReason>().Select(reason =>
        {
            var these = lost.Where(l => l.Loss.Reason == reason).ToList();
            return new LostReasonFigure(reason, LossReasons.Label(reason), these.Count, these.Count(l => !l.Loss.ReasonRecorded), these.Sum(l => l.EstimateUsd));
        }).ToList();
        static IReadOnlyList<LostToFigure> To(IEnumerable<(string? To, decimal EstimateUsd)> rows) =>
            [.. rows.Where(r => r.To is not null).GroupBy(r => r.To!, StringComparer.Ordinal)
                .Select(g => new LostToFigure(g.Key, g.Count(), g.Sum(r => r.EstimateUsd)))
                .OrderByDescending(f => f.Leads).ThenBy(f => f.LostTo, StringComparer.Ordinal)];
        return new LostFigures(byReason, To(lost.Select(l => (l.Loss.LostToCountry, l.EstimateUsd))), To(lost.Select(l => (l.Loss.LostToZone, l.EstimateUsd))));
    }
}

public static class Pipeline
{
    public static readonly IReadOnlyList<LeadStage> Order =
        [LeadStage.Prospect, LeadStage.Engaged, LeadStage.SiteVisit, LeadStage.Commitment, LeadStage.Applied, LeadStage.Certified];

    /// <summary>The furthest stage in the order a lead has entered; lost leads keep what they reached before.</summary>
    public static LeadStage Furthest(IEnumerable<StageStay> stays) =>
        stays.Where(s => s.Stage != LeadStage.Lost).Select(s => s.Stage).DefaultIfEmpty(LeadStage.Prospect).Max();

    public static PipelineFigures Summarise(IReadOnlyCollection<PipelineLead> leads)
    {
        var reached = Order.ToDictionary(stage => stage, stage => leads.Count(l => l.Furthest >= stage));
        var stages = Order.Select((stage, i) =>
        {
            var here = leads.Where(l => l.Stage == stage).ToList();
            decimal? conversion = i + 1 < Order.Count && reached[stage] > 0
                ? Math.Round((decimal)reached[Order[i + 1]] / reached[stage], 4)
                : null;
            var days = leads.SelectMany(l => l.Stays)
                .Where(s => s.Stage == stage && s.LeftOn is not null)
                .Select(s => NodaTime.Period.DaysBetween(s.EnteredOn, s.LeftOn!.Value))
                .ToList();
            return new StageFigures(stage, here.Count, here.Sum(l => l.EstimateUsd), reached[stage], conversion, Median(days));
        }).ToList();
        var lost = leads.Where(l => l.Stage == LeadStage.Lost).ToList();
        return new PipelineFigures(leads.Count, lost.Count, lost.Sum(l => l.EstimateUsd), stages,
            LostFigures.Count([.. lost.Select(l => (l.Loss ?? new LeadLoss(LossReason.Other, false, null, null), l.EstimateUsd))]));
    }

    public static decimal? Median(IReadOnlyCollection<int> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
