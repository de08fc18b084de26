namespace Investment.Api.Zones;

public static class ListZones
{
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<ZoneDetails>>> Handle(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<ZoneDetails>().OrderBy(z => z.Code).ToListAsync(ct));
}
