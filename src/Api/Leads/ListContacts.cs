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
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0) return LeadLookup.NotFound(id);

        // Folded from the lead's own events (ContactLog): the sort keys are digits of fixed width, so ordinal order is theirs.
        var rows = ContactLog.Of(events)
            .Where(x => includeWithdrawn == true || !x.Contact.Withdrawn)
            .Where(x => before is null || string.CompareOrdinal(x.SortKey, before) < 0)
            .OrderByDescending(x => x.SortKey, StringComparer.Ordinal).Take(take + 1).ToList();
        var page = Paging.Of(rows, take, x => x.SortKey);
        return TypedResults.Ok(new Page<LoggedContact>([.. page.Items.Select(x => x.Contact)], page.NextCursor));
    }
}
