namespace Investment.Api.Leads;

public static class GetLead
{
    public static async Task<Results<Ok<LeadDetails>, ProblemHttpResult>> Handle(Guid id, IQuerySession session, IClock clock, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<LeadDetails>(id, ct) is not { } lead) return LeadLookup.NotFound(id);
        var now = clock.GetCurrentInstant();
        ETags.Set(http, lead.Version, Domain.Common.VietnamCalendar.Today(now));
        return TypedResults.Ok(lead.AsOf(now));
    }
}
