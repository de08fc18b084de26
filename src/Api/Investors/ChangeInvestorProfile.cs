using Investment.Domain.Investors;
using JasperFx;

namespace Investment.Api.Investors;

public static class ChangeInvestorProfile
{
    public static async Task<Results<Ok<InvestorDetails>, ProblemHttpResult>> Handle(
        Guid id, InvestorProfileRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected)) return ETags.InvalidIfMatch();
        var stream = await session.Events.FetchForWriting<InvestorDetails>(id, ct);
        if (stream.Aggregate is not { } current) return NotFound(id);
        if (expected is not null && expected != stream.CurrentVersion) return Problems.Stale(stream.CurrentVersion ?? 0);

        var profile = request.ToProfile();
        if (await session.FindSameName(profile, ct) is { } other && other.Id != id) return InvestorLookup.Duplicate(other);

        var decision = InvestorDecider.ChangeProfile(id, current.ToProfile(), profile, user.Recording(clock));
        if (decision.Refusal is { } refusal) return Problems.Conflict(refusal);
        if (decision.Events.Count == 0)
        {
            ETags.Set(http, current.Version);
            return TypedResults.Ok(current);
        }

        stream.AppendMany(decision.Events.ToArray());
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return Problems.ConcurrentChange();
        }
        catch (DocumentAlreadyExistsException e) when (e.DocType != typeof(IdempotencyRecord))
        {
            return await session.FindSameName(profile, ct) is { } winner ? InvestorLookup.Duplicate(winner) : Problems.ConcurrentChange();
        }

        var changed = await session.LoadAsync<InvestorDetails>(id, ct);
        ETags.Set(http, changed!.Version);
        return TypedResults.Ok(changed);
    }

    public static ProblemHttpResult NotFound(Guid id) =>
        Problems.NotFound("investor.not_found", $"There is no investor with id {id}.");
}
