using Investment.Api.Zones;
using Investment.Domain.Forecasts;
using Investment.Domain.Zones;

namespace Investment.Api.Forecasts;

public static class GetStageProbabilities
{
    /// <summary>The zone's probabilities, or the defaults (version 0, isDefault) while no admin has set them.</summary>
    public static async Task<(ZoneProbabilities Settings, long Version)> Load(IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<ZoneProbabilitySettings>(ProbabilityDecider.IdOf(code), ct) is { } stored
            ? (stored.Settings, stored.Version)
            : (ZoneProbabilities.Defaults(code), 0);

    /// <summary>
    /// The stage probabilities and every version of them, each with who recorded it when (not named to partners). They
    /// are part of the zone's versioned settings with its service standard (GET service-standard): the ETag is the
    /// version of both.
    /// </summary>
    public static async Task<Results<Ok<ZoneProbabilities>, ProblemHttpResult>> Handle(
        string code, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null)
            return Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'.");
        var (settings, version) = await Load(session, code, ct);
        ETags.Set(http, version);
        return TypedResults.Ok(user.SeesPersonalData() ? settings : settings.WithoutPersonalData());
    }
}
