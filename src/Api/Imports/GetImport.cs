namespace Investment.Api.Imports;

public static class GetImport
{
    public static async Task<Results<Ok<ImportRecord>, ProblemHttpResult>> Handle(Guid id, IQuerySession session, ImportRunner runner, CancellationToken ct) =>
        await session.LoadAsync<ImportRecord>(id, ct) is { } record
            ? TypedResults.Ok(ImportProblemTexts.Said(await runner.AsItStands(record, session, ct)))
            : NotFound(id);

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("import.not_found", $"There is no import with id {id}.");

    public static string Location(Guid id) => $"/api/v1/imports/{id}";
}

/// <summary>An import in the list: who ran it, when, and what it gave (its problems are at its own address).</summary>
public sealed record ImportSummary(Guid Id, ImportStatus Status, bool DryRun, string FileName, string RanBy, Instant StartedAt, Instant? FinishedAt,
    int RowsTotal, int RowsDone, int EventsStored, int ProblemCount);

public static class ListImports
{
    /// <param name="limit">How many, newest first: 1–100, 20 when omitted.</param>
    public static async Task<Results<Ok<IReadOnlyList<ImportSummary>>, ProblemHttpResult>> Handle(int? limit, IQuerySession session, ImportRunner runner, CancellationToken ct)
    {
        if (limit is < 1 or > 100) return Problems.BadRequest("request.invalid_limit", "limit must be between 1 and 100.");
        var records = new List<ImportRecord>();
        foreach (var record in await session.Query<ImportRecord>().OrderByDescending(x => x.StartedAt).Take(limit ?? 20).ToListAsync(ct))
            records.Add(await runner.AsItStands(record, session, ct));
        return TypedResults.Ok<IReadOnlyList<ImportSummary>>([.. records.Select(r => new ImportSummary(r.Id, r.Status, r.DryRun, r.FileName, r.RanBy,
            r.StartedAt, r.FinishedAt, r.RowsTotal, r.RowsDone, r.EventsStored, r.ProblemCount))]);
    }
}
