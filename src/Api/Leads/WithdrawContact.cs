using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class WithdrawContact
{
    public sealed record Request(string Reason);

    public static readonly Request Example = new("Logged against the wrong lead.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000).Must(Text.HasNoControlCharacters);
    }

    public static async Task<Results<Ok<LoggedContact>, ProblemHttpResult>> Handle(
        Guid id, Guid contactId, Request request, [AsParameters] StreamCommandContext command)
    {
        var written = await command.Decide<LeadDetails>(id,
            async (details, now) => LeadDecider.WithdrawContact(details.Lead, contactId, await ContactLookup.State(command.Session, id, contactId, command.Cancelled),
                request.Reason, now), LeadLookup.NotFound, readBack: false);
        return written.Problem is { } problem ? problem : await GetContact.Handle(id, contactId, command.Session, command.Http, command.Cancelled);
    }
}
