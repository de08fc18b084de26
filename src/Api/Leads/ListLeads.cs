using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Marten.Linq.MatchesSql;

namespace Investment.Api.Leads;

public static class ListLeads
{
    /// <param name="stage">prospect, engaged, siteVisit, commitment, applied, certified or lost.</param>
    /// <param name="zone">A zone code, such as dung-quat.</param>
    /// <param name="owner">The owning officer.</param>
    /// <param name="country">The investor's country (ISO 3166-1 alpha-2).</param>
    /// <param name="sector">The project's sector.</param>
    /// <param name="followUpDueBy">Only leads whose next follow-up is on or before this date (2014-07-05).</param>
    /// <param name="limit">Items per page, 1–200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<Page<Lead>>, ProblemHttpResult>> Handle(
        string? stage, string? zone, string? owner, string? country, string? sector, string? followUpDueBy,
        [System.ComponentModel.DataAnnotations.Range(1, Paging.MaxLimit)] int? limit, string? cursor,
        IQuerySession session, IClock clock, CancellationToken ct)
    {
        if (Paging.CheckPlace(limit, cursor, out var take, out var after) is { } badPage) return badPage;
        if (QueryValues.Enum<LeadStage>(stage, "stage", out var wantedStage) is { } badStage) return badStage;
        if (QueryValues.Enum<Sector>(sector, "sector", out var wantedSector) is { } badSector) return badSector;
        if (QueryValues.Date(followUpDueBy, "followUpDueBy", out var dueBy) is { } badDate) return badDate;

        var query = session.Query<LeadDetails>().AsQueryable();
        if (after is (var position, var id))
            // Position >= serves the index; the id breaks a tie of instants.
            query = query.Where(x => x.Position >= position && (x.Position > position || x.Id.CompareTo(id) > 0));
        if (wantedStage is { } st) query = query.Where(x => x.Lead.Stage == st);
        if (wantedSector is { } se) query = query.Where(x => x.Lead.Sector == se);
        // Every value the query compares with is a plain local: a method call inside the expression (zone.Trim(), take + 1)
        // is compiled and run by Marten on every request (measured on the register page, issue 18).
        if (!string.IsNullOrWhiteSpace(zone))
        {
            var wantedZone = zone.Trim();
            query = query.Where(x => x.Lead.ZoneCode == wantedZone);
        }
        if (!string.IsNullOrWhiteSpace(owner))
        {
            var wantedOwner = owner.Trim();
            query = query.Where(x => x.Lead.Owner == wantedOwner);
        }
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            query = query.Where(x => x.Lead.InvestorCountry == code);
        }
        if (dueBy is { } date) query = query.DueBy(date);

        var rowsWanted = take + 1;
        var rows = await query.OrderBy(x => x.Position).ThenBy(x => x.Id).Take(rowsWanted).ToListAsync(ct);
        var page = Paging.Of(rows, take, x => new Place(x.Position, x.Id));
        var now = clock.GetCurrentInstant();
        return TypedResults.Ok(new Page<Lead>([.. page.Items.Select(x => x.Lead.AsOf(now))], page.NextCursor));
    }

    /// <summary>Open leads whose next follow-up falls on or before the date. Dates are stored as ISO text, which sorts as the calendar does.</summary>
    public static IQueryable<LeadDetails> DueBy(this IQueryable<LeadDetails> query, LocalDate date) =>
        query.Where(x => x.Lead.Stage != LeadStage.Lost && x.Lead.Stage != LeadStage.Certified)
            .Where(x => x.MatchesSql("data -> 'lead' ->> 'nextFollowUpOn' <= ?", QueryValues.Iso(date)));
}
