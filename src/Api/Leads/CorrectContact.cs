using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class CorrectContact
{
    public static async Task<Results<Ok<ContactEntry>, ProblemHttpResult>> Handle(
        Guid id, Guid contactId, ContactRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var current = await session.LoadAsync<ContactEntry>(contactId, ct) is { } entry && entry.LeadId == id ? entry.ToState() : null;
        var written = await StreamWrite.Decide<LeadDetails>(session, http, id, ifMatch,
            lead => LeadDecider.CorrectContact(lead.ToLead(), contactId, current, request.ToDetails(), request.Reason, user.Recording(clock)),
            LeadLookup.NotFound, ct);
        return written.Problem is { } problem ? problem : await GetContact.Handle(id, contactId, session, ct);
    }
}
