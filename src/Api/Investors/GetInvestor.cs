using Investment.Domain.Investors;

namespace Investment.Api.Investors;

public static class GetInvestor
{
    public static async Task<Results<Ok<Investor>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<InvestorDetails>(id, ct) is not { } details) return InvestorLookup.NotFound(id);
        ETags.Set(http, details.Version);
        return TypedResults.Ok(details.Investor.For(user));
    }
}
