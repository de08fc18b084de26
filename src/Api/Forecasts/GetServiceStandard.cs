using Investment.Api.Zones;
using Investment.Domain.Leads;
using Investment.Domain.Zones;

namespace Investment.Api.Forecasts;

public static class GetServiceStandard
{
    /// <summary>
    /// The zone's service standard, or the default (2 working days) while no admin has set it, with the version of the
    /// zone's settings stream (0 while nothing is set), which the stage probabilities share.
    /// </summary>
    public static async Task<(ZoneServiceStandard Standard, long Version)> Load(IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<ZoneProbabilitySettings>(ServiceStandardDecider.IdOf(code), ct) is { } stored
            ? (stored.StandardOrDefault(), stored.Version)
            : (ZoneServiceStandard.Defaults(code), 0);

    /// <summary>
    /// The service standard (the working days within which a lead is to be answered; 2 until an admin sets the zone's own)
    /// and every version of it, each with who recorded it when (not named to partners). The pipeline and the reports count
    /// response times against it. It is part of the zone's versioned settings with the stage probabilities: the ETag is the
    /// version of both.
    /// </summary>
    public static async Task<Results<Ok<ZoneServiceStandard>, ProblemHttpResult>> Handle(
        string code, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null)
            return Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'.");
        var (standard, version) = await Load(session, code, ct);
        ETags.Set(http, version);
        return TypedResults.Ok(user.SeesPersonalData() ? standard : standard.WithoutPersonalData());
    }
}
