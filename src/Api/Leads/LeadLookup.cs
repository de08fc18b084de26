using Investment.Domain.Common;
using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class LeadLookup
{
    public static string Location(Guid id) => $"/api/v1/leads/{id}";

    public static string ContactLocation(Guid leadId, Guid contactId) => $"/api/v1/leads/{leadId}/contacts/{contactId}";

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("lead.not_found", $"There is no lead with id {id}.");

    /// <summary>A command on a lead: decide on its state, record, and answer the lead as it is now.</summary>
    public static async Task<Results<Ok<LeadDetails>, ProblemHttpResult>> Act(
        Guid id, string? ifMatch, IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http,
        Func<Lead, Recording, Decision> decide, CancellationToken ct)
    {
        var written = await StreamWrite.Decide<LeadDetails>(session, http, id, ifMatch,
            lead => decide(lead.ToLead(), user.Recording(clock)), NotFound, ct);
        return written.Problem is { } problem ? problem : TypedResults.Ok(written.Document!.AsOf(clock.GetCurrentInstant()));
    }
}
