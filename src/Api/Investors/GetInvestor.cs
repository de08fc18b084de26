namespace Investment.Api.Investors;

public static class GetInvestor
{
    public static async Task<Results<Ok<InvestorDetails>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<InvestorDetails>(id, ct) is not { } investor) return ChangeInvestorProfile.NotFound(id);
        ETags.Set(http, investor.Version);
        return TypedResults.Ok(user.SeesPersonalData() ? investor : investor.WithoutPersonalData());
    }
}
