namespace Investment.Api.Leads;

public static class GetContact
{
    /// <summary>
    /// A contact's ETag is its lead's version: contacts are written through the lead's stream, so that is what
    /// If-Match on a correction or withdrawal compares, and what those writes answer.
    /// </summary>
    public static async Task<Results<Ok<LoggedContact>, ProblemHttpResult>> Handle(
        Guid id, Guid contactId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var events = batch.Events.FetchStream(id);
        var lead = batch.Load<LeadDetails>(id);
        await batch.Execute(ct);
        if (ContactLog.Of(await events).FirstOrDefault(x => x.Id == contactId) is not { } found || await lead is not { } details) return NotFound(id, contactId);
        ETags.Set(http, details.Version);
        return TypedResults.Ok(found.Contact);
    }

    public static ProblemHttpResult NotFound(Guid leadId, Guid contactId) =>
        Problems.NotFound("contact.not_found", $"Lead {leadId} has no contact {contactId}.");
}
