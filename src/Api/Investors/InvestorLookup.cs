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
            .FirstOrDefaultAsync(x => x.Country == profile.Country && x.SearchName == searchName, ct);
    }

    public static ProblemHttpResult Duplicate(InvestorDetails existing) => Problems.Conflict(
        new Refusal("investor.duplicate", $"An investor named '{existing.LegalName}' is already registered in {existing.Country}."),
        new Dictionary<string, object?> { ["existingInvestorId"] = existing.Id, ["existingInvestor"] = Location(existing.Id) });

    public static string Location(Guid id) => $"/api/v1/investors/{id}";
}
