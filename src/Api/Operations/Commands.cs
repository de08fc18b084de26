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
        using var daemon = await store.BuildProjectionDaemonAsync();
        using var slots = new SemaphoreSlim(rebuild.AtOnce);
        var projections = EventStoreSetup.RebuildableProjections(store);
        await Task.WhenAll(projections.Select(async projection =>
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
/// How a rebuild reads and writes, for the rebuild command only (the API's daemon keeps <see cref="EventStoreSetup.Batching"/>):
/// EventStore:Rebuild:AtOnce projections at a time, BatchSize events read per page, and FlushEvery documents kept in
/// memory per projection before they are written, each once, with COPY.
/// </summary>
public sealed record RebuildSettings(int AtOnce, int BatchSize, int FlushEvery)
{
    public static RebuildSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("EventStore:Rebuild");
        return new(section.GetValue("AtOnce", 2), section.GetValue("BatchSize", 5_000), section.GetValue("FlushEvery", 0));
    }

    public void ApplyTo(IDocumentStore store)
    {
        foreach (var source in store.Options.Events.Projections())
        {
            if (source is not JasperFx.Events.Projections.ProjectionBase projection) continue;
            projection.Options.BatchSize = BatchSize;
            projection.Options.RebuildFlushThreshold = FlushEvery;
        }
    }
}

