using Investment.Domain.Investors;
using JasperFx;

namespace Investment.Api.Investors;

public static class RegisterInvestor
{
    public static async Task<Results<Created<Investor>, ProblemHttpResult>> Handle(InvestorProfileRequest request, [AsParameters] CommandContext command)
    {
        var (session, ct) = (command.Session, command.Cancelled);
        var profile = request.ToProfile();
        if (await session.FindSameName(profile, ct) is { } existing) return InvestorLookup.Duplicate(existing);

        var id = StreamIds.New();
        session.Events.StartStream<InvestorDetails>(id, InvestorDecider.Register(id, profile, command.Recording()));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocType != typeof(IdempotencyRecord))
        {
            // Another officer registered the same name between our check and our save: the unique index caught it.
            return await session.FindSameName(profile, ct) is { } winner
                ? InvestorLookup.Duplicate(winner)
                : Problems.ConcurrentChange();
        }

        var created = (await session.LoadAsync<InvestorDetails>(id, ct))!;
        ETags.Set(command.Http, created.Version);
        return TypedResults.Created(InvestorLookup.Location(id), created.Investor);
    }
}
