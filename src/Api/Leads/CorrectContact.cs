using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class CorrectContact
{
    public static async Task<Results<Ok<ContactEntry>, ProblemHttpResult>> Handle(
        Guid id, Guid contactId, ContactRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var written = await StreamWrite.Decide<LeadDetails>(session, http, id, ifMatch,
            async lead =>
            {
                // Read after the stream, so a withdrawal saved meanwhile is seen (and a later one fails the save).
                var current = await session.LoadAsync<ContactEntry>(contactId, ct) is { } entry && entry.LeadId == id ? entry.ToState() : null;
                return LeadDecider.CorrectContact(lead.ToLead(), contactId, current, request.ToDetails(), request.Reason, user.Recording(clock));
            }, LeadLookup.NotFound, ct, readBack: false);
        return written.Problem is { } problem ? problem : await GetContact.Handle(id, contactId, session, http, ct);
    }
}
