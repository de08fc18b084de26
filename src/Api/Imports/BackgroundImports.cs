using System.Threading.Channels;
using Investment.Domain.Imports;

namespace Investment.Api.Imports;

/// <summary>A large upload saved to temporary files, to be read and imported in the background.</summary>
/// <param name="Runner">The lock that says its runner is alive (<see cref="ImportRunner.HoldRunner"/>), let go when the job is done.</param>
public sealed record ImportJob(ImportRecord Record, IReadOnlyList<ImportSource> Sources, IAsyncDisposable Runner);

/// <summary>
/// Large files are imported in the background, one at a time (the advisory lock would serialise them anyway): the
/// upload answers 202 at once and the import resource shows rows done of rows total until it finishes. A job lost with
/// its process (stopped, restarted, killed) leaves its record running, but its runner's lock goes with the process, so
/// the import reads as interrupted, nothing of it stored; its temporary files go with the machine's temp directory.
/// </summary>
public sealed class BackgroundImports(IServiceScopeFactory scopes, IClock clock, ILogger<BackgroundImports> log) : BackgroundService
{
    private readonly Channel<ImportJob> jobs = Channel.CreateUnbounded<ImportJob>();

    public ValueTask Enqueue(ImportJob job) => jobs.Writer.WriteAsync(job);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            using var scope = scopes.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            try
            {
                await Run(runner, job, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, job.Record.Id, e);
                await runner.Save(job.Record.Rejected([new ImportProblem("", 0, null, "import.failed", "The import failed unexpectedly; nothing was stored.")],
                    clock.GetCurrentInstant()), CancellationToken.None);
            }
            finally
            {
                foreach (var source in job.Sources) File.Delete(source.Path);
                await job.Runner.DisposeAsync();
            }
        }
    }

    private static readonly Action<ILogger, Guid, Exception?> Failed =
        LoggerMessage.Define<Guid>(LogLevel.Error, new EventId(1501, "ImportFailed"), "Import {ImportId} failed");

    private async Task Run(ImportRunner runner, ImportJob job, CancellationToken ct)
    {
        ImportRows rows;
        try
        {
            rows = ImportFile.Read(job.Sources, ct);
        }
        catch (UnreadableImportException e)
        {
            await runner.Save(job.Record.Rejected([new ImportProblem("", 0, null, e.Code, e.Message)], clock.GetCurrentInstant()), ct);
            return;
        }
        // Progress is saved at most once a second: a poll sees rows done of rows total without slowing the import.
        var lastSaved = Instant.MinValue;
        var record = job.Record;
        var progress = new SynchronousProgress<(int Done, int Total)>(p =>
        {
            var now = clock.GetCurrentInstant();
            if (now - lastSaved < Duration.FromSeconds(1)) return;
            lastSaved = now;
            runner.Save(record with { RowsDone = p.Done, RowsTotal = p.Total }, ct).GetAwaiter().GetResult();
        });
        await runner.Run(record, rows, progress, ct);
    }
}

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
