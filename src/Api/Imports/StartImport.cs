using Investment.Domain.Imports;
using Microsoft.Extensions.Options;

namespace Investment.Api.Imports;

public sealed class ImportOptions
{
    /// <summary>Uploads larger than this are imported in the background (202 and progress); smaller ones answer when done.</summary>
    public long BackgroundAboveBytes { get; set; } = 512 * 1024;

    /// <summary>Events saved per batch, inside the import's one transaction: what memory holds of them at a time.</summary>
    public int BatchEvents { get; set; } = 2_000;
}

/// <summary>
/// POST /imports: the template's workbook (.xlsx), or its sheets as CSV files (one part per sheet, named as the sheet),
/// as multipart/form-data. All or nothing: a file with any problem stores nothing and answers 422 listing every problem.
/// </summary>
public static class StartImport
{
    /// <summary>Uploads may be larger than JSON bodies: a registry of a few thousand certificates fits well within it.</summary>
    public const long MaxBytes = 32 * 1024 * 1024;

    /// <param name="dryRun">Read and check everything, store no fact.</param>
    public static async Task<IResult> Handle(bool? dryRun, HttpRequest request, ClaimsPrincipal user, IClock clock, ImportRunner runner, BackgroundImports queue,
        IOptions<ImportOptions> options, CancellationToken ct)
    {
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Unsupported("Send the file as multipart/form-data: one part holding the .xlsx workbook, or one CSV part per sheet named as the sheet.");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            return Problems.BadRequest("import.unreadable_file", $"The multipart body cannot be read: {e.Message}");
        }
        if (form.Files.Count == 0) return Problems.Make(StatusCodes.Status422UnprocessableEntity, "The file cannot be imported", "import.empty_file", "The upload holds no file.");

        var kinds = form.Files.Select(f => (File: f, Workbook: ImportFile.IsWorkbook(f.FileName, f.ContentType))).ToList();
        if (kinds.FirstOrDefault(k => k.Workbook is null) is { File: { } unknown })
            return Unsupported($"'{unknown.FileName}' is neither an .xlsx workbook nor a .csv file.");
        if (kinds.Count(k => k.Workbook == true) > 1 || (kinds.Any(k => k.Workbook == true) && kinds.Any(k => k.Workbook == false)))
            return Unsupported("Send one workbook, or CSV files only: not both, not several workbooks.");

        var sources = new List<ImportSource>();
        foreach (var (file, workbook) in kinds)
        {
            var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}");
            await using (var target = File.Create(path)) await file.CopyToAsync(target, ct);
            sources.Add(new ImportSource(file.FileName, path, workbook == true, workbook == true ? null : file.Name));
        }
        var record = ImportRecord.Start(Guid.CreateVersion7(), dryRun == true, string.Join(", ", form.Files.Select(f => f.FileName)), user.Subject(),
            clock.GetCurrentInstant());

        if (form.Files.Sum(f => f.Length) > options.Value.BackgroundAboveBytes)
        {
            // Its runner's lock is held before the record says running, and until its last record is saved.
            var alive = await runner.HoldRunner(record.Id, ct);
            try
            {
                await runner.Save(record, ct);
                await queue.Enqueue(new ImportJob(record, sources, alive));
            }
            catch
            {
                await alive.DisposeAsync();
                throw;
            }
            return TypedResults.Accepted(GetImport.Location(record.Id), record);
        }
        try
        {
            var rows = ImportFile.Read(sources, ct);
            var done = await runner.Run(record, rows, null, ct);
            return Answer(done);
        }
        catch (UnreadableImportException e)
        {
            return Answer(await Reject(runner, record, e, clock));
        }
        finally
        {
            foreach (var source in sources) File.Delete(source.Path);
        }
    }

    private static async Task<ImportRecord> Reject(ImportRunner runner, ImportRecord record, UnreadableImportException e, IClock clock)
    {
        var rejected = record.Rejected([new ImportProblem("", 0, null, e.Code, e.Message)], clock.GetCurrentInstant());
        await runner.Save(rejected, CancellationToken.None);
        return rejected;
    }

    /// <summary>Stored: 201 at the import's address. Checked (dry run): 200. Rejected: 422 listing the problems, the import still at its address.</summary>
    public static IResult Answer(ImportRecord record) => record.Status switch
    {
        ImportStatus.Completed => TypedResults.Created(GetImport.Location(record.Id), record),
        ImportStatus.Checked => TypedResults.Ok(record),
        _ => Problems.Make(StatusCodes.Status422UnprocessableEntity, "The file cannot be imported",
            record.Problems is [{ Row: 0, Code: var code }] ? code : "import.rejected",
            record.Problems is [{ Row: 0, Message: var message }] ? message
                : $"{record.ProblemCount} problems in the file; nothing was stored. Each names its sheet, row, column and code.",
            new Dictionary<string, object?> { ["importId"] = record.Id, ["import"] = GetImport.Location(record.Id), ["problems"] = ImportProblemTexts.Said(record).Problems }),
    };

    private static ProblemHttpResult Unsupported(string detail) =>
        Problems.Make(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type", "import.unsupported_file_type", detail);
}
