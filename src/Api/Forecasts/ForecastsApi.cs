namespace Investment.Api.Forecasts;

public static class ForecastsApi
{
    public static IEndpointRouteBuilder MapForecasts(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/zones/{code}").WithTags("Targets");
        settings.MapGet("/stage-probabilities", GetStageProbabilities.Handle).RequireAuthorization(Policies.Reader)
            .WithName("GetStageProbabilities")
            .WithSummary("A zone's probability of landing per open stage (the pipeline forecast's), with every version")
            .ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPut("/stage-probabilities", SetStageProbabilities.Handle).RequireAuthorization(Policies.Admin)
            .WithName("SetStageProbabilities").WithSummary("Set a zone's probability of landing per open stage (admins; If-Match)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }
}
