using Investment.Domain.Leads;
using JasperFx;

namespace Investment.Api.Leads;

/// <summary>
/// Logging a contact from a phone: a retry with the same Idempotency-Key answers the first 201 again and logs nothing
/// twice; the key is saved in the same transaction as the contact.
/// </summary>
public static class LogContact
{
    public static async Task<Results<Created<ContactEntry>, ProblemHttpResult>> Handle(
        Guid id, ContactRequest request, [FromHeader(Name = Idempotent.Header)] string? idempotencyKey,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var idempotent = await Idempotent.Check(session, http, user, idempotencyKey, request, ct);
        if (idempotent.Problem is { } badKey) return badKey;
        if (idempotent.Remembered is { } first) return await Created(session, id, first.ResourceId, ct);

        var contactId = Guid.CreateVersion7();
        Written<LeadDetails> written;
        try
        {
            written = await StreamWrite.Decide<LeadDetails>(session, http, id, ifMatch, lead =>
            {
                var now = user.Recording(clock);
                var decision = LeadDecider.LogContact(lead.ToLead(), contactId, request.ToDetails(), now);
                if (decision.Refusal is null) idempotent.Remember(session, contactId, LeadLookup.ContactLocation(id, contactId), now.At);
                return decision;
            }, LeadLookup.NotFound, ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same key arrived twice at once: the other request saved; answer what it created.
            var again = await Idempotent.Check(session, http, user, idempotencyKey, request, ct);
            return again.Remembered is { } winner ? await Created(session, id, winner.ResourceId, ct) : Problems.ConcurrentChange();
        }
        return written.Problem is { } problem ? problem : await Created(session, id, contactId, ct);
    }

    private static async Task<Results<Created<ContactEntry>, ProblemHttpResult>> Created(IQuerySession session, Guid leadId, Guid contactId, CancellationToken ct) =>
        await session.LoadAsync<ContactEntry>(contactId, ct) is { } contact
            ? TypedResults.Created(LeadLookup.ContactLocation(leadId, contactId), contact)
            : GetContact.NotFound(leadId, contactId);
}
