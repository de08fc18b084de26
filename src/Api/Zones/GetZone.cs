using Investment.Domain.Zones;

namespace Investment.Api.Zones;

public static class GetZone
{
    public static async Task<Results<Ok<ZoneDetails>, ProblemHttpResult>> Handle(string code, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is { } zone
            ? TypedResults.Ok(zone)
            : Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'. GET /api/v1/zones lists them.");
}
