using Investment.Domain.Common;

namespace Investment.Api.Leads;

public static class ListFollowUps
{
    /// <summary>The most a single officer's due list answers at once; an officer with more is told so.</summary>
    public const int MaxDue = 500;

    /// <param name="owner">The officer whose follow-ups to list; the caller when omitted.</param>
    public static async Task<Results<Ok<DueFollowUps>, ProblemHttpResult>> Handle(
        string? owner, IQuerySession session, IClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = string.IsNullOrWhiteSpace(owner) ? user.Subject() : owner.Trim();
        var now = clock.GetCurrentInstant();
        var today = VietnamCalendar.Today(now);
        // The most overdue first, ordered by the database: an officer with more than 500 gets the 500 most overdue.
        // ISO dates order as text; the position (the paging key, indexed) breaks ties in the order leads were opened.
        var due = await session.Query<LeadDetails>().Where(x => x.Lead.Owner == officer).DueBy(today)
            .OrderBySql("data -> 'lead' ->> 'nextFollowUpOn', (data ->> 'position')::bigint").Take(MaxDue + 1).ToListAsync(ct);
        var leads = due.Take(MaxDue).Select(x => x.Lead.AsOf(now)).ToList();
        return TypedResults.Ok(new DueFollowUps(officer, today, leads, due.Count > MaxDue));
    }
}

/// <param name="Today">Today in Vietnam, by which the follow-ups are due.</param>
/// <param name="Truncated">True when the officer has more than 500 due follow-ups and only the first 500 are listed.</param>
public sealed record DueFollowUps(string Owner, LocalDate Today, IReadOnlyList<Domain.Leads.Lead> Leads, bool Truncated);
