using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class CorrectContact
{
    public static async Task<Results<Ok<LoggedContact>, ProblemHttpResult>> Handle(
        Guid id, Guid contactId, ContactRequest request, [AsParameters] StreamCommandContext command)
    {
        var written = await command.Decide<LeadDetails>(id,
            async (details, now) => LeadDecider.CorrectContact(details.Lead, contactId, await ContactLookup.State(command.Session, id, contactId, command.Cancelled),
                request.ToDetails(), request.Reason, now), LeadLookup.NotFound, readBack: false);
        return written.Problem is { } problem ? problem : await GetContact.Handle(id, contactId, command.Session, command.Http, command.Cancelled);
    }
}
