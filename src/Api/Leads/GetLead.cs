namespace Investment.Api.Leads;

public static class GetLead
{
    public static async Task<Results<Ok<Domain.Leads.Lead>, ProblemHttpResult>> Handle(Guid id, IQuerySession session, IClock clock, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<LeadDetails>(id, ct) is not { } details) return LeadLookup.NotFound(id);
        var now = clock.GetCurrentInstant();
        ETags.Set(http, details.Version, Domain.Common.VietnamCalendar.Today(now));
        return TypedResults.Ok(details.Lead.AsOf(now));
    }
}
