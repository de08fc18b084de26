using Investment.Domain.Common;
using Investment.Domain.Targets;
using NodaTime;

namespace Investment.Domain.Reports;

public enum TargetPosition
{
    NoTarget,
    Below,
    Within,
    Above,
}

/// <summary>
/// Where a zone stands against its target for a year, on a given day in Vietnam.
/// </summary>
/// <param name="YearElapsed">The share of the year gone by, today included (0 before the year, 1 after it).</param>
/// <param name="OnPace">Whether the capital attracted so far is at least the minimum times the share of the year gone by.</param>
/// <param name="ForecastUsd">A straight-line year-end forecast: what was attracted, scaled to the whole year.</param>
/// <param name="StillNeededUsd">What is still missing to reach the minimum (0 once reached).</param>
public sealed record TargetStatus(TargetPosition Position, decimal YearElapsed, bool? OnPace, decimal ForecastUsd, decimal? StillNeededUsd)
{
    public static TargetStatus Evaluate(TargetRange? target, decimal attractedUsd, int year, LocalDate today)
    {
        var elapsed = today.Year < year ? 0m
            : today.Year > year ? 1m
            : Math.Round((decimal)today.DayOfYear / CalendarSystem.Iso.GetDaysInYear(year), 4);
        // Scaled by whole days, not by the rounded share, so that early in the year the forecast is not skewed.
        var forecast = Money.Cents(elapsed is > 0m and < 1m ? attractedUsd * CalendarSystem.Iso.GetDaysInYear(year) / today.DayOfYear : attractedUsd);
        if (target is null) return new TargetStatus(TargetPosition.NoTarget, elapsed, null, forecast, null);
        var position = attractedUsd < target.MinimumUsd ? TargetPosition.Below
            : attractedUsd > target.MaximumUsd ? TargetPosition.Above
            : TargetPosition.Within;
        return new TargetStatus(position, elapsed, attractedUsd >= target.MinimumUsd * elapsed, forecast, Money.Cents(Math.Max(0m, target.MinimumUsd - attractedUsd)));
    }
}
