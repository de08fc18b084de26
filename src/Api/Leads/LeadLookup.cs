using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class LeadLookup
{
    public static string Location(Guid id) => $"/api/v1/leads/{id}";

    public static string ContactLocation(Guid leadId, Guid contactId) => $"/api/v1/leads/{leadId}/contacts/{contactId}";

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("lead.not_found", $"There is no lead with id {id}.");
}

public static class ContactLookup
{
    /// <summary>
    /// A contact of the lead as decisions see it; null when the lead has no such contact. Read after the lead's stream,
    /// so a withdrawal saved meanwhile is seen (and a later one fails the save).
    /// </summary>
    public static async Task<ContactState?> State(IQuerySession session, Guid leadId, Guid contactId, CancellationToken ct) =>
        (await ContactLog.Read(session, leadId, ct)).FirstOrDefault(x => x.Id == contactId)?.ToState();
}
