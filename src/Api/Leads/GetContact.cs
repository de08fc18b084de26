namespace Investment.Api.Leads;

public static class GetContact
{
    public static async Task<Results<Ok<ContactEntry>, ProblemHttpResult>> Handle(Guid id, Guid contactId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ContactEntry>(contactId, ct) is { } contact && contact.LeadId == id
            ? TypedResults.Ok(contact)
            : NotFound(id, contactId);

    public static ProblemHttpResult NotFound(Guid leadId, Guid contactId) =>
        Problems.NotFound("contact.not_found", $"Lead {leadId} has no contact {contactId}.");
}
