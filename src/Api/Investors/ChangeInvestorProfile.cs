using Investment.Domain.Investors;
using JasperFx;

namespace Investment.Api.Investors;

public static class ChangeInvestorProfile
{
    /// <summary>
    /// The stream-command path with the registry's uniqueness rule around it: the name is checked before deciding, and
    /// a registration racing for the same name between that check and the save is caught by the unique index.
    /// </summary>
    public static async Task<Results<Ok<Investor>, ProblemHttpResult>> Handle(Guid id, InvestorProfileRequest request, [AsParameters] StreamCommandContext command)
    {
        var profile = request.ToProfile();
        if (await command.Session.FindSameName(profile, command.Cancelled) is { } other && other.Id != id) return InvestorLookup.Duplicate(other);
        try
        {
            var written = await command.Decide<InvestorDetails>(id,
                (current, now) => InvestorDecider.ChangeProfile(id, current.Investor.Profile(), profile, now), InvestorLookup.NotFound);
            return written.Problem is { } problem ? problem : TypedResults.Ok(written.Document!.Investor);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocType != typeof(IdempotencyRecord))
        {
            return await command.Session.FindSameName(profile, command.Cancelled) is { } winner ? InvestorLookup.Duplicate(winner) : Problems.ConcurrentChange();
        }
    }
}
