using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Leads;

/// <summary>A stay of a lead in a stage: entered on a business date, left on another (null while it is there).</summary>
public sealed record StageStay(LeadStage Stage, LocalDate EnteredOn, LocalDate? LeftOn);

/// <summary>A logged contact as decisions see it: its details now, and whether it was withdrawn.</summary>
public sealed record ContactState(ContactDetails Details, bool Withdrawn);

/// <summary>What decisions about a lead need to know.</summary>
public sealed record Lead(
    Guid Id,
    LeadStage Stage,
    LeadStage? LostAt,
    string Owner,
    Money Estimate,
    LocalDate StageSince)
{
    /// <summary>The stays after a move to <paramref name="stage"/> on <paramref name="on"/>: the current stay ends, a new one begins.</summary>
    public static IReadOnlyList<StageStay> Move(IReadOnlyList<StageStay> stays, LeadStage stage, LocalDate on) =>
        [.. stays.Select(s => s.LeftOn is null ? s with { LeftOn = on } : s), new StageStay(stage, on, null)];

    /// <summary>Whole days spent in each stage, the current stay counted up to <paramref name="today"/>.</summary>
    public static IReadOnlyDictionary<LeadStage, int> DaysInStages(IReadOnlyList<StageStay> stays, LocalDate today) =>
        stays.GroupBy(s => s.Stage).ToDictionary(
            g => g.Key,
            g => g.Sum(s => Math.Max(0, Period.DaysBetween(s.EnteredOn, s.LeftOn ?? today))));
}
