using Investment.Domain.Imports;

namespace Investment.Api.Imports;

/// <summary>
/// Where an import stands: running in the background, stored, checked only (a dry run), rejected with its problems
/// (nothing stored), or interrupted: its process stopped before it finished (nothing stored either).
/// </summary>
public enum ImportStatus
{
    Running,
    Completed,
    Checked,
    Rejected,
    Interrupted,
}

/// <summary>
/// An import as the API reports it: who ran it and when, its progress (rows done of rows total), per sheet the rows
/// read, the facts created and those already stored unchanged, and every problem as sheet, row, column, code and sentence.
/// Stored as a document (not events): it describes a run, it is not a fact of the register.
/// </summary>
/// <param name="KnownSinceDefaulted">Rows without known_since: recorded as known from their business date.</param>
/// <param name="ProblemCount">How many problems were found; at most the first 1,000 are listed.</param>
public sealed record ImportRecord(
    Guid Id, ImportStatus Status, bool DryRun, string FileName, string RanBy, Instant StartedAt, Instant? FinishedAt, int RowsTotal, int RowsDone,
    IReadOnlyDictionary<string, SheetOutcome> Sheets, IReadOnlyList<ImportProblem> Problems, int ProblemCount, int EventsStored,
    int KnownSinceDefaulted, string? Note)
{
    public const int MaxProblemsListed = 1_000;

    public static ImportRecord Start(Guid id, bool dryRun, string fileName, string ranBy, Instant at) =>
        new(id, ImportStatus.Running, dryRun, fileName, ranBy, at, null, 0, 0, new Dictionary<string, SheetOutcome>(), [], 0, 0, 0, null);

    public ImportRecord Rejected(IReadOnlyList<ImportProblem> problems, Instant at) => this with
    {
        Status = ImportStatus.Rejected, FinishedAt = at, Problems = [.. problems.Take(MaxProblemsListed)], ProblemCount = problems.Count,
        Note = "Nothing was stored: an import with any problem stores nothing. Fix the rows named and upload the file again.",
    };

    /// <summary>A running import whose runner is gone (see <see cref="ImportRunner.AsItStands"/>): its one transaction was never committed.</summary>
    public ImportRecord Interrupted() => this with
    {
        Status = ImportStatus.Interrupted,
        Problems = [new ImportProblem("", 0, null, "import.interrupted", InterruptedNote)], ProblemCount = 1, Note = InterruptedNote,
    };

    public const string InterruptedNote = "The process running this import stopped before it finished (it was stopped, restarted or killed). Nothing of it "
        + "was stored: an import stores everything in one transaction, or nothing. Upload the file again.";
}
