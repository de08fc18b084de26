using Investment.Domain.Leads;

namespace Investment.Api.Leads;

/// <summary>
/// Logging a contact, from a desk or a phone. A retry with the same Idempotency-Key answers the first 201 again and logs
/// nothing twice (<see cref="IdempotencyFilter"/>).
/// </summary>
public static class LogContact
{
    [ReadsIdempotencyKeyWithItsFetch]
    public static async Task<Results<Created<LoggedContact>, ProblemHttpResult>> Handle(Guid id, ContactRequest request, [AsParameters] StreamCommandContext command)
    {
        var contactId = Guid.CreateVersion7();
        var location = LeadLookup.ContactLocation(id, contactId);
        LoggedContact? contact = null;
        var written = await command.Decide<LeadDetails>(id,
            (details, now) => LeadDecider.LogContact(details.Lead, contactId, request.ToDetails(), now), LeadLookup.NotFound, readBack: false,
            beforeSave: appended =>
            {
                // The contact as the contact log reads it, built by the same function from the event: no read-back. Known
                // before the save, it is the answer an Idempotency-Key keeps, saved in the same transaction.
                contact = ContactLog.Entry(appended.OfType<JasperFx.Events.IEvent<ContactLogged>>().Single()).Contact;
                IdempotencyKeys.AnswerWithTheWrite(command.Http, command.Session, StatusCodes.Status201Created, location, contact);
            }, project: LeadDetailsProjection.For(command.Session, id));
        if (written.Problem is { } problem) return problem;
        return TypedResults.Created(location, contact!);
    }
}
