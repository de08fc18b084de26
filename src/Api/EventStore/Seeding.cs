using Investment.Domain.Common;

namespace Investment.Api.EventStore;

/// <summary>A stream the store must hold: its id is derived from a natural key, so seeding finds it the next time.</summary>
public sealed record Seed(Guid Id, Func<Recording, object[]> Events);

/// <summary>Streams a feature seeds: reference data always, demo data only where <c>Seed:DemoData</c> is true.</summary>
public sealed record SeedSet(IEnumerable<Seed> Streams, bool Demo);

public static class SeedRegistration
{
    /// <summary>The features' seeds, in the order given (the order the seeder starts their streams).</summary>
    public static IServiceCollection AddSeeds(this IServiceCollection services, IEnumerable<Seed> reference, params IEnumerable<Seed>[] demo)
    {
        services.AddSingleton(new SeedSet(reference, Demo: false));
        foreach (var streams in demo) services.AddSingleton(new SeedSet(streams, Demo: true));
        return services.AddHostedService<Seeder>();
    }
}

/// <summary>
/// Adds what an empty store needs: the zones (always) and, when <c>Seed:DemoData</c> is true (development), demo data
/// from the 2014 plan. Idempotent: a stream that exists is left alone, so restarting never duplicates anything.
/// Where the API manages its schema (development, tests) it seeds at start-up; a production deployment
/// (EventStore:ManageSchema=false) seeds with <c>apply-database-changes</c>, together with the schema, so that instances
/// start without these round trips (a fifth of the start-up time measured by the benchmark).
/// </summary>
public sealed partial class Seeder(IDocumentStore store, IClock clock, IConfiguration configuration, IEnumerable<SeedSet> seeds, ILogger<Seeder> logger)
    : IHostedService
{
    public const string SeedActor = "seed";

    public Task StartAsync(CancellationToken cancellationToken) =>
        configuration.GetValue("EventStore:ManageSchema", true) || configuration.GetValue<bool>("Seed:DemoData")
            ? SeedAsync(cancellationToken)
            : Task.CompletedTask;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var demo = configuration.GetValue<bool>("Seed:DemoData");
        var streams = seeds.Where(set => demo || !set.Demo).SelectMany(set => set.Streams).ToList();

        await using var session = store.LightweightSession();
        var recording = new Recording(SeedActor, clock.GetCurrentInstant());
        var added = 0;
        foreach (var stream in streams)
        {
            if (await session.Events.FetchStreamStateAsync(stream.Id, cancellationToken) is not null) continue;
            session.Events.StartStream(stream.Id, stream.Events(recording));
            added++;
        }
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            if (added > 0) LogSeeded(logger, added);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            // Another instance started at the same moment and seeded first: what it seeded is what we wanted.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} streams of reference and demo data")]
    private static partial void LogSeeded(ILogger logger, int count);
}
