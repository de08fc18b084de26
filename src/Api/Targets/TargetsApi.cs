using Investment.Api.OpenApi;

namespace Investment.Api.Targets;

public static class TargetsApi
{
    public static IEndpointRouteBuilder MapTargets(this IEndpointRouteBuilder app)
    {
        var targets = app.MapGroup("/zones/{code}/targets").WithTags("Targets");
        targets.MapPut("/{year:int}", SetTarget.Handle).RequireAuthorization(Policies.Admin)
            .WithName("SetTarget").WithSummary("Set or revise a zone's target for a year (admins)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        targets.MapGet("/{year:int}", GetTarget.Handle).RequireAuthorization(Policies.Reader)
            .WithName("GetTarget").WithSummary("A zone's target for a year, with every version and the decision behind it")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
