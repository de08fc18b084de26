using Investment.Domain.Leads;

namespace Investment.Api.Leads;

/// <summary>
/// Logging a contact, from a desk or a phone. A retry with the same Idempotency-Key answers the first 201 again and logs
/// nothing twice (<see cref="IdempotencyFilter"/>).
/// </summary>
public static class LogContact
{
    public static async Task<Results<Created<LoggedContact>, ProblemHttpResult>> Handle(Guid id, ContactRequest request, [AsParameters] StreamCommandContext command)
    {
        var contactId = Guid.CreateVersion7();
        var written = await command.Decide<LeadDetails>(id,
            (details, now) => LeadDecider.LogContact(details.Lead, contactId, request.ToDetails(), now), LeadLookup.NotFound, readBack: false);
        if (written.Problem is { } problem) return problem;
        // The entry the inline projection just stored, built by the same function from the saved event: no read-back.
        var contact = ContactLogProjection.Create(written.Appended.OfType<JasperFx.Events.IEvent<ContactLogged>>().Single());
        return TypedResults.Created(LeadLookup.ContactLocation(id, contactId), contact.Contact);
    }
}
