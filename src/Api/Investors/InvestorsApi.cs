using Investment.Api.OpenApi;

namespace Investment.Api.Investors;

public static class InvestorsApi
{
    public static IEndpointRouteBuilder MapInvestors(this IEndpointRouteBuilder app)
    {
        var investors = app.MapGroup("/investors").WithTags("Investors");

        investors.MapPost("/", RegisterInvestor.Handle).RequireAuthorization(Policies.Officer)
            .WithName("RegisterInvestor").WithSummary("Register an investor")
            .ProducesProblem(StatusCodes.Status409Conflict);
        investors.MapPut("/{id:guid}", ChangeInvestorProfile.Handle).RequireAuthorization(Policies.Officer)
            .WithName("ChangeInvestorProfile").WithSummary("Change an investor's profile (the whole profile, If-Match recommended)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        investors.MapGet("/{id:guid}", GetInvestor.Handle).RequireAuthorization(Policies.Reader)
            .WithName("GetInvestor").WithSummary("Get one investor (partners see no contact persons)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        investors.MapGet("/", ListInvestors.Handle).RequireAuthorization(Policies.Reader)
            .WithName("ListInvestors").WithSummary("List investors by country, sector and name, paged (partners see no contact persons)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        investors.MapGet("/{id:guid}/history", GetInvestorHistory.Handle).RequireAuthorization(Policies.Officer)
            .WithName("GetInvestorHistory").WithSummary("Every event of an investor: what, who and when")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
