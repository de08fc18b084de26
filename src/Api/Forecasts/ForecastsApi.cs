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
        // The service standard (issue 14 §2.4) is its own resource, as users name it, but lives in the same settings
        // stream as the probabilities: one version per zone, one ETag for both.
        settings.MapGet("/service-standard", GetServiceStandard.Handle).RequireAuthorization(Policies.Reader)
            .WithName("GetServiceStandard")
            .WithSummary("A zone's service standard: the working days within which a lead is to be answered, with every version")
            .ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPut("/service-standard", SetServiceStandard.Handle).RequireAuthorization(Policies.Admin)
            .WithName("SetServiceStandard").WithSummary("Set a zone's service standard in working days, 1 to 30 (admins; If-Match)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }
}
