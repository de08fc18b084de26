namespace Investment.Api.Endpoints;

public static class RouteConventions
{
    /// <summary>A command on an existing stream: If-Match for concurrency, 404 for an unknown id, 409 for a broken rule, 412 when stale.</summary>
    public static RouteHandlerBuilder StreamCommand(this RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
