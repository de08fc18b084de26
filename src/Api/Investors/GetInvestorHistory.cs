namespace Investment.Api.Investors;

public static class GetInvestorHistory
{
    public static async Task<Results<Ok<Page<HistoryEntry>>, ProblemHttpResult>> Handle(
        Guid id, [System.ComponentModel.DataAnnotations.Range(1, Paging.MaxLimit)] int? limit, string? cursor, IQuerySession session, CancellationToken ct)
    {
        if (Paging.Check(limit, cursor, out var take, out var after) is { } badPage) return badPage;
        return await History.Read(session, id, take, after, ct) is { } page
            ? TypedResults.Ok(page)
            : InvestorLookup.NotFound(id);
    }
}
