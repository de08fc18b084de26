using Investment.Domain.Common;
using Investment.Domain.Investors;

namespace Investment.Api.Investors;

/// <summary>The registry's one uniqueness rule: one investor per folded legal name and country.</summary>
public static class InvestorLookup
{
    public static Task<InvestorDetails?> FindSameName(this IQuerySession session, InvestorProfile profile, CancellationToken ct)
    {
        var searchName = SearchText.Fold(profile.LegalName);
        return session.Query<InvestorDetails>()
            .FirstOrDefaultAsync(x => x.Investor.Country == profile.Country && x.SearchName == searchName, ct);
    }

    public static ProblemHttpResult Duplicate(InvestorDetails existing) => Problems.Conflict(
        new Refusal("investor.duplicate", $"An investor named '{existing.Investor.LegalName}' is already registered in {existing.Investor.Country}."),
        new Dictionary<string, object?> { ["existingInvestorId"] = existing.Id, ["existingInvestor"] = Location(existing.Id) });

    public static string Location(Guid id) => $"/api/v1/investors/{id}";

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("investor.not_found", $"There is no investor with id {id}.");

    /// <summary>What a caller may see of an investor: partners receive no personal data.</summary>
    public static Investor For(this Investor investor, ClaimsPrincipal user) => user.SeesPersonalData() ? investor : investor.WithoutPersonalData();
}
