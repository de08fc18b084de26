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
        using var daemon = await store.BuildProjectionDaemonAsync();
        // Two at a time: while one projection waits on PostgreSQL, another applies events (28 s → 20 s on 2 cores; more
        // at once only queue for the same cores).
        using var slots = new SemaphoreSlim(2);
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
