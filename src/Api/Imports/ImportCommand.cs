using Investment.Domain.Imports;
using ShellProgressBar;

namespace Investment.Api.Imports;

/// <summary>
/// <c>import FILE… [--dry-run]</c>: the same import from the console, for registries too large to upload, with a progress
/// bar. FILE is the template's .xlsx workbook, or CSV files each named as its sheet (investors.csv, certificates.csv…).
/// Exit code 0 when stored (or checked, with --dry-run), 2 when the file has problems (nothing stored), 1 when unreadable.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> Run(string[] args, IServiceProvider services)
    {
        var dryRun = args.Contains("--dry-run");
        var files = args.Where(a => a != "--dry-run").ToList();
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("Usage: import FILE.xlsx | investors.csv certificates.csv … [--dry-run]");
            return 1;
        }
        var sources = new List<ImportSource>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) { await Console.Error.WriteLineAsync($"{file}: no such file."); return 1; }
            if (ImportFile.IsWorkbook(file, null) is not { } workbook) { await Console.Error.WriteLineAsync($"{file}: neither .xlsx nor .csv."); return 1; }
            sources.Add(new ImportSource(Path.GetFileName(file), file, workbook, workbook ? null : Path.GetFileNameWithoutExtension(file)));
        }

        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);
        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var clock = services.GetRequiredService<IClock>();
        var by = $"console:{Environment.UserName}";
        var record = ImportRecord.Start(Guid.CreateVersion7(), dryRun, string.Join(", ", sources.Select(s => s.FileName)), by, clock.GetCurrentInstant());
        var started = System.Diagnostics.Stopwatch.StartNew();

        ImportRows rows;
        try
        {
            rows = ImportFile.Read(sources, CancellationToken.None);
        }
        catch (UnreadableImportException e)
        {
            await Console.Error.WriteLineAsync($"{e.Code}: {e.Message}");
            return 1;
        }
        ImportRecord done;
        var interactive = !Console.IsOutputRedirected;
        using (var bar = interactive ? new ProgressBar(Math.Max(rows.Count, 1), "Importing", new ProgressBarOptions { ProgressCharacter = '─' }) : null)
        {
            done = await runner.Run(record, rows, new SynchronousProgress<(int Done, int Total)>(p =>
            {
                if (bar is null) return;
                bar.MaxTicks = Math.Max(p.Total, 1);
                bar.Tick(p.Done, $"{p.Done} of {p.Total} rows");
            }), CancellationToken.None);
        }

        Console.WriteLine($"Import {done.Id}: {done.Status} in {started.Elapsed.TotalSeconds:F1} s ({rows.Count / Math.Max(started.Elapsed.TotalSeconds, 0.001):F0} rows/s).");
        foreach (var (sheet, outcome) in done.Sheets.Where(s => s.Value.Read > 0))
            Console.WriteLine($"  {sheet}: {outcome.Read} read, {outcome.Created} created, {outcome.Unchanged} unchanged");
        if (done.Note is { } note) Console.WriteLine(note);
        // What an operator sizes the machine by (and the benchmark reads): the most memory the process held (VmHWM).
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
            Console.WriteLine($"Peak memory: {self.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB.");
        foreach (var p in done.Problems)
            Console.WriteLine($"  {p.Sheet} row {p.Row}{(p.Column is null ? "" : $" {p.Column}")}: {p.Code}: {p.Message}");
        if (done.ProblemCount > done.Problems.Count) Console.WriteLine($"  … and {done.ProblemCount - done.Problems.Count} more.");
        return done.Status == ImportStatus.Rejected ? 2 : 0;
    }
}
