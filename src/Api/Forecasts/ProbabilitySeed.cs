using Investment.Domain.Forecasts;
using Investment.Domain.Leads;

namespace Investment.Api.Forecasts;

/// <summary>
/// Demo data: Dung Quat's own probabilities after a pipeline review and its own service standard (both made up for the
/// demo), so that its 2014 progress and reports show versioned settings; the other zones keep the defaults. Both are in
/// the zone's one settings stream (its version is 2).
/// </summary>
public static class ProbabilitySeed
{
    public static IEnumerable<Seed> Demo =>
    [
        new(ProbabilityDecider.IdOf("dung-quat"), recording =>
            [.. ProbabilityDecider.Set(ZoneProbabilities.Defaults("dung-quat"), new StageProbabilities(0.05m, 0.10m, 0.25m, 0.50m, 0.90m),
                "Pipeline review of the flagship projects (demo).", recording).Events,
             .. ServiceStandardDecider.Set(ZoneServiceStandard.Defaults("dung-quat"), 1,
                "Investment promotion charter: every enquiry answered within one working day (demo).", recording).Events]),
    ];
}
