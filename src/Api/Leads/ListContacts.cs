namespace Investment.Api.Leads;

public static class ListContacts
{
    /// <param name="includeWithdrawn">Also list withdrawn contacts (marked withdrawn).</param>
    /// <param name="limit">Items per page, 1–200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<Page<LoggedContact>>, ProblemHttpResult>> Handle(
        Guid id, bool? includeWithdrawn, [System.ComponentModel.DataAnnotations.Range(1, Paging.MaxLimit)] int? limit, string? cursor,
        IQuerySession session, CancellationToken ct)
    {
        if (Paging.CheckKey(limit, cursor, out var take, out var before) is { } badPage) return badPage;
        if (await session.Events.FetchStreamStateAsync(id, ct) is null) return LeadLookup.NotFound(id);

        var query = session.Query<ContactEntry>().Where(x => x.Contact.LeadId == id);
        if (includeWithdrawn != true) query = query.Where(x => !x.Contact.Withdrawn);
        if (before is not null) query = query.Where(x => x.SortKey.CompareTo(before) < 0);
        var rows = await query.OrderByDescending(x => x.SortKey).Take(take + 1).ToListAsync(ct);
        var page = Paging.Of(rows, take, x => x.SortKey);
        return TypedResults.Ok(new Page<LoggedContact>([.. page.Items.Select(x => x.Contact)], page.NextCursor));
    }
}
