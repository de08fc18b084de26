using System.Diagnostics;

namespace Investment.Api.Operations;

/// <summary>
/// What an operator runs besides the API itself, with the same configuration:
/// <c>apply-database-changes</c> creates or updates the schema and seeds the reference data ahead of a deployment;
/// <c>rebuild-projections</c> replays every event into every read model (after a projection's code changed);
/// <c>import FILE [--dry-run]</c> brings an existing registry in (the Imports feature runs it; Program.cs dispatches).
/// </summary>
public static class Commands
{
    public const string ApplyDatabaseChanges = "apply-database-changes";
    public const string RebuildProjections = "rebuild-projections";
    public const string Import = "import";

    public static bool IsCommand(string[] args) => args is [ApplyDatabaseChanges or RebuildProjections or Import, ..];

    public static async Task<int> Run(string command, IServiceProvider services)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var clock = Stopwatch.StartNew();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);
        if (command == ApplyDatabaseChanges)
        {
            await ActivatorUtilities.CreateInstance<Seeder>(services).SeedAsync(CancellationToken.None);
            Console.WriteLine($"Database schema and reference data up to date in {clock.ElapsedMilliseconds} ms.");
            return 0;
        }

        var events = (await store.Advanced.FetchEventStoreStatistics()).EventCount;
        var rebuild = RebuildSettings.From(services.GetRequiredService<IConfiguration>());
        rebuild.ApplyTo(store);
        var projections = EventStoreSetup.RebuildableProjections(store);
        var (onePass, byDaemon) = rebuild.OnePass ? OnePassRebuild.Plan(store) : ([], projections);
        if (onePass.Count > 0)
        {
            var one = Stopwatch.StartNew();
            var (_, copied) = await OnePassRebuild.RunAsync(store, onePass, rebuild.StreamsPerChunk, CancellationToken.None, rebuild.Copy);
            Console.WriteLine($"{string.Join(", ", onePass.Select(p => p.Name))} (in one pass, {copied.Count} by COPY): {one.Elapsed.TotalSeconds:F1} s");
        }
        using var daemon = await store.BuildProjectionDaemonAsync();
        using var slots = new SemaphoreSlim(rebuild.AtOnce);
        await Task.WhenAll(byDaemon.Select(async projection =>
        {
            await slots.WaitAsync();
            try
            {
                var one = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(30), CancellationToken.None);
                Console.WriteLine($"{projection}: {one.Elapsed.TotalSeconds:F1} s");
            }
            finally
            {
                slots.Release();
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Rebuilt {projections.Count} projections over {events} events in {seconds:F1} s "
            + $"({events * projections.Count / Math.Max(seconds, 0.001):F0} event applications/s).");
        return 0;
    }
}

/// <summary>
/// How the rebuild command reads. EventStore:Rebuild:OnePass (true) rebuilds every single-stream projection in one pass
/// over the events (<see cref="OnePassRebuild"/>), EventStore:Rebuild:StreamsPerChunk (2,000) streams at a time, its documents
/// written by binary COPY (EventStore:Rebuild:Copy, true; false stores them with Marten's own operations); OnePass false, or
/// a projection the one pass cannot rebuild, goes through Marten's daemon (the API's daemon keeps
/// <see cref="EventStoreSetup.Batching"/>): EventStore:Rebuild:AtOnce projections at a time, EventStore:Rebuild:BatchSize
/// events per page. Measured on the benchmark's store (473,547 events, 2 cores), through the daemon: two at a time with
/// 5,000 took 104 s; three with 20,000, 62 s, peaking at 460 MB. Keeping each projection's documents in memory to write
/// them once with COPY (Marten's RebuildFlushThreshold) was slower (70-83 s) and peaked at 1.0-1.6 GB.
/// </summary>
public sealed record RebuildSettings(int AtOnce, int BatchSize, bool OnePass = true, int StreamsPerChunk = 2_000, bool Copy = true)
{
    public static RebuildSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("EventStore:Rebuild");
        return new(section.GetValue("AtOnce", 3), section.GetValue("BatchSize", 20_000), section.GetValue("OnePass", true),
            section.GetValue("StreamsPerChunk", 2_000), section.GetValue("Copy", true));
    }

    public void ApplyTo(IDocumentStore store)
    {
        foreach (var source in store.Options.Events.Projections())
            if (source is JasperFx.Events.Projections.ProjectionBase projection) projection.Options.BatchSize = BatchSize;
    }
}
