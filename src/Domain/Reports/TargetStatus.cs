using Investment.Domain.Common;
using Investment.Domain.Targets;
using NodaTime;

namespace Investment.Domain.Reports;

/// <summary>How a year-end forecast was made.</summary>
public enum ForecastMethod
{
    /// <summary>What was attracted so far, scaled to the whole year.</summary>
    StraightLine,
    /// <summary>What was attracted so far plus the expected capital of the open leads (estimate × stage probability).</summary>
    Pipeline,
}

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
/// <param name="PipelineExpectedUsd">The expected capital of the open leads expected to land in the year: estimate × the stage's probability, summed (0 outside the year).</param>
/// <param name="PipelineForecastUsd">What was attracted plus pipelineExpectedUsd: the year-end forecast from the pipeline.</param>
/// <param name="ForecastUsed">Which forecast the status goes by: pipeline when open leads are expected to land in the year, else straightLine.</param>
/// <param name="ExpectedYearEndUsd">The forecast it goes by: pipelineForecastUsd or forecastUsd.</param>
public sealed record TargetStatus(
    TargetPosition Position, decimal YearElapsed, bool? OnPace, decimal ForecastUsd, decimal? StillNeededUsd,
    decimal PipelineExpectedUsd = 0.00m, decimal PipelineForecastUsd = 0.00m, ForecastMethod ForecastUsed = ForecastMethod.StraightLine,
    decimal ExpectedYearEndUsd = 0.00m)
{
    /// <summary>The status with the pipeline's forecast beside the straight line, and the one it goes by.</summary>
    public TargetStatus WithPipeline(decimal attractedUsd, decimal pipelineExpectedUsd)
    {
        var pipeline = Money.Cents(attractedUsd + pipelineExpectedUsd);
        var used = pipelineExpectedUsd > 0m ? ForecastMethod.Pipeline : ForecastMethod.StraightLine;
        return this with
        {
            PipelineExpectedUsd = Money.Cents(pipelineExpectedUsd), PipelineForecastUsd = pipeline, ForecastUsed = used,
            ExpectedYearEndUsd = used == ForecastMethod.Pipeline ? pipeline : ForecastUsd,
        };
    }

    public static TargetStatus Evaluate(TargetRange? target, decimal attractedUsd, int year, LocalDate today)
    {
        var elapsed = today.Year < year ? 0m
            : today.Year > year ? 1m
            : Math.Round((decimal)today.DayOfYear / CalendarSystem.Iso.GetDaysInYear(year), 4);
        // Scaled by whole days, not by the rounded share, so that early in the year the forecast is not skewed.
        var forecast = Money.Cents(elapsed is > 0m and < 1m ? attractedUsd * CalendarSystem.Iso.GetDaysInYear(year) / today.DayOfYear : attractedUsd);
        if (target is null) return new TargetStatus(TargetPosition.NoTarget, elapsed, null, forecast, null, ExpectedYearEndUsd: forecast);
        var position = attractedUsd < target.MinimumUsd ? TargetPosition.Below
            : attractedUsd > target.MaximumUsd ? TargetPosition.Above
            : TargetPosition.Within;
        return new TargetStatus(position, elapsed, attractedUsd >= target.MinimumUsd * elapsed, forecast, Money.Cents(Math.Max(0m, target.MinimumUsd - attractedUsd)),
            ExpectedYearEndUsd: forecast);
    }
}
