namespace Investment.Api.Zones;

public static class ZonesApi
{
    public static IEndpointRouteBuilder MapZones(this IEndpointRouteBuilder app)
    {
        var zones = app.MapGroup("/zones").WithTags("Zones").RequireAuthorization(Policies.Reader);
        zones.MapGet("/", ListZones.Handle).WithName("ListZones").WithSummary("List the zones where investment is attracted");
        zones.MapGet("/{code}", GetZone.Handle).WithName("GetZone").WithSummary("Get one zone by its code")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
