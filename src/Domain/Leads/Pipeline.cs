namespace Investment.Domain.Leads;

/// <summary>One lead as the pipeline counts it: where it is, the furthest it got, its estimate in USD, its stays.</summary>
public sealed record PipelineLead(LeadStage Stage, LeadStage Furthest, decimal EstimateUsd, IReadOnlyList<StageStay> Stays, LeadLoss? Loss = null);

/// <param name="Current">Leads in this stage now.</param>
/// <param name="EstimatedCapitalUsd">Their estimated capital, in USD.</param>
/// <param name="Reached">Leads that got at least this far (lost ones count up to the stage they were lost at).</param>
/// <param name="ConversionToNext">Of those, the share that got to the next stage (0–1); null for the last stage or none reached.</param>
/// <param name="MedianDays">Median whole days of completed stays in this stage; null when no lead has left it yet.</param>
public sealed record StageFigures(LeadStage Stage, int Current, decimal EstimatedCapitalUsd, int Reached, decimal? ConversionToNext, decimal? MedianDays);

/// <summary>
/// Leads counted together (issue 18: PostgreSQL counts a large zone's leads, the rule below decides what the counts
/// say): the leads in a stage now that got furthest to a stage, and their estimates summed.
/// </summary>
public sealed record StageCount(LeadStage Stage, LeadStage Furthest, int Leads, decimal EstimateUsd);

/// <summary>Completed stays in a stage that lasted the same whole days.</summary>
public sealed record StayCount(LeadStage Stage, int Days, int Stays);

/// <summary>Lost leads with the same loss (null: lost before losses were recorded, read as other), and their estimates summed.</summary>
public sealed record LossCount(LeadLoss? Loss, int Leads, decimal EstimateUsd);

/// <summary>A pipeline's leads, counted: what <see cref="Pipeline.Summarise(PipelineCounts)"/> needs, whether counted here or by the database.</summary>
public sealed record PipelineCounts(IReadOnlyCollection<StageCount> Leads, IReadOnlyCollection<StayCount> Stays, IReadOnlyCollection<LossCount> Losses)
{
    public static PipelineCounts Of(IReadOnlyCollection<PipelineLead> leads) => new(
        [.. leads.GroupBy(l => (l.Stage, l.Furthest)).Select(g => new StageCount(g.Key.Stage, g.Key.Furthest, g.Count(), g.Sum(l => l.EstimateUsd)))],
        [.. leads.SelectMany(l => l.Stays).Where(s => s.LeftOn is not null)
            .GroupBy(s => (s.Stage, Days: NodaTime.Period.DaysBetween(s.EnteredOn, s.LeftOn!.Value))).Select(g => new StayCount(g.Key.Stage, g.Key.Days, g.Count()))],
        [.. leads.Where(l => l.Stage == LeadStage.Lost).GroupBy(l => l.Loss).Select(g => new LossCount(g.Key, g.Count(), g.Sum(l => l.EstimateUsd)))]);
}

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
    public static LostFigures Count(IReadOnlyCollection<(LeadLoss Loss, decimal EstimateUsd)> lost) =>
        Count([.. lost.Select(l => new LossCount(l.Loss, 1, l.EstimateUsd))]);

    public static LostFigures Count(IReadOnlyCollection<LossCount> lost)
    {
        var losses = lost.Select(l => (Loss: l.Loss ?? new LeadLoss(LossReason.Other, false, null, null), l.Leads, l.EstimateUsd)).ToList();
        var byReason = Enum.GetValues<LossReason>().Select(reason =>
        {
            var these = losses.Where(l => l.Loss.Reason == reason).ToList();
            return new LostReasonFigure(reason, LossReasons.Label(reason), these.Sum(l => l.Leads), these.Where(l => !l.Loss.ReasonRecorded).Sum(l => l.Leads),
                these.Sum(l => l.EstimateUsd));
        }).ToList();
        static IReadOnlyList<LostToFigure> To(IEnumerable<(string? To, int Leads, decimal EstimateUsd)> rows) =>
            [.. rows.Where(r => r.To is not null).GroupBy(r => r.To!, StringComparer.Ordinal)
                .Select(g => new LostToFigure(g.Key, g.Sum(r => r.Leads), g.Sum(r => r.EstimateUsd)))
                .OrderByDescending(f => f.Leads).ThenBy(f => f.LostTo, StringComparer.Ordinal)];
        return new LostFigures(byReason, To(losses.Select(l => (l.Loss.LostToCountry, l.Leads, l.EstimateUsd))),
            To(losses.Select(l => (l.Loss.LostToZone, l.Leads, l.EstimateUsd))));
    }
}

public static class Pipeline
{
    public static readonly IReadOnlyList<LeadStage> Order =
        [LeadStage.Prospect, LeadStage.Engaged, LeadStage.SiteVisit, LeadStage.Commitment, LeadStage.Applied, LeadStage.Certified];

    /// <summary>The furthest stage in the order a lead has entered; lost leads keep what they reached before.</summary>
    public static LeadStage Furthest(IEnumerable<StageStay> stays) =>
        stays.Where(s => s.Stage != LeadStage.Lost).Select(s => s.Stage).DefaultIfEmpty(LeadStage.Prospect).Max();

    public static PipelineFigures Summarise(IReadOnlyCollection<PipelineLead> leads) => Summarise(PipelineCounts.Of(leads));

    public static PipelineFigures Summarise(PipelineCounts counts)
    {
        var reached = Order.ToDictionary(stage => stage, stage => counts.Leads.Where(l => l.Furthest >= stage).Sum(l => l.Leads));
        var stages = Order.Select((stage, i) =>
        {
            var here = counts.Leads.Where(l => l.Stage == stage).ToList();
            decimal? conversion = i + 1 < Order.Count && reached[stage] > 0
                ? Math.Round((decimal)reached[Order[i + 1]] / reached[stage], 4)
                : null;
            var days = counts.Stays.Where(s => s.Stage == stage).Select(s => (s.Days, s.Stays)).ToList();
            return new StageFigures(stage, here.Sum(l => l.Leads), here.Sum(l => l.EstimateUsd), reached[stage], conversion, Median(days));
        }).ToList();
        var lost = counts.Leads.Where(l => l.Stage == LeadStage.Lost).ToList();
        return new PipelineFigures(counts.Leads.Sum(l => l.Leads), lost.Sum(l => l.Leads), lost.Sum(l => l.EstimateUsd), stages, LostFigures.Count(counts.Losses));
    }

    public static decimal? Median(IReadOnlyCollection<int> values) => Median([.. values.Select(v => (v, 1))]);

    /// <summary>The median of values each counted a number of times.</summary>
    public static decimal? Median(IReadOnlyCollection<(int Value, int Count)> counted)
    {
        var total = counted.Sum(c => c.Count);
        if (total == 0) return null;
        var sorted = counted.Where(c => c.Count > 0).OrderBy(c => c.Value).ToList();
        int At(int index)
        {
            foreach (var (value, count) in sorted)
            {
                if (index < count) return value;
                index -= count;
            }
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        var middle = total / 2;
        return total % 2 == 1 ? At(middle) : (At(middle - 1) + At(middle)) / 2m;
    }
}
