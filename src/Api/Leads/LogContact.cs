using Investment.Domain.Leads;

namespace Investment.Api.Leads;

/// <summary>
/// Logging a contact, from a desk or a phone. A retry with the same Idempotency-Key answers the first 201 again and logs
/// nothing twice (<see cref="IdempotencyFilter"/>).
/// </summary>
public static class LogContact
{
    public static async Task<Results<Created<ContactEntry>, ProblemHttpResult>> Handle(
        Guid id, ContactRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var contactId = Guid.CreateVersion7();
        var written = await StreamWrite.Decide<LeadDetails>(session, http, id, ifMatch,
            lead => LeadDecider.LogContact(lead.ToLead(), contactId, request.ToDetails(), user.Recording(clock)), LeadLookup.NotFound, ct, readBack: false);
        if (written.Problem is { } problem) return problem;
        // The entry the inline projection just stored, built by the same function from the saved event: no read-back.
        var contact = ContactLogProjection.Create(written.Appended.OfType<JasperFx.Events.IEvent<ContactLogged>>().Single());
        return TypedResults.Created(LeadLookup.ContactLocation(id, contactId), contact);
    }
}
