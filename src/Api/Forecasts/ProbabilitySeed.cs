using Investment.Domain.Forecasts;

namespace Investment.Api.Forecasts;

/// <summary>
/// Demo data: Dung Quat's own probabilities after a pipeline review (made up for the demo), so that its 2014 progress
/// shows a versioned setting; the other zones keep the defaults.
/// </summary>
public static class ProbabilitySeed
{
    public static IEnumerable<Seed> Demo =>
    [
        new(ProbabilityDecider.IdOf("dung-quat"), recording =>
            [.. ProbabilityDecider.Set(ZoneProbabilities.Defaults("dung-quat"), new StageProbabilities(0.05m, 0.10m, 0.25m, 0.50m, 0.90m),
                "Pipeline review of the flagship projects (demo).", recording).Events]),
    ];
}
