using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using NodaTime.Serialization.SystemTextJson;
using Weasel.Core;

namespace Investment.Api.EventStore;

public static class EventStoreSetup
{
    /// <summary>The PostgreSQL schema holding Marten's tables.</summary>
    public const string Schema = "investment";

    /// <summary>
    /// Every projection the features registered (Marten knows them), by name, for the rebuild command and the test that a
    /// rebuild changes no answer: a new projection cannot be left out of either.
    /// </summary>
    public static IReadOnlyList<string> RebuildableProjections(IDocumentStore store) =>
        [.. store.Options.Events.Projections().Select(p => p.Name)];

    /// <summary>
    /// How many events the async daemon and a rebuild read and apply at a time. Marten's default, 500, made a rebuild
    /// spend most of its time in round trips: 5,000 rebuilt the benchmark's store 2.3 times faster (65 s → 28 s for
    /// 125,000 events), and lets the daemon catch up after a burst in fewer, larger transactions.
    /// </summary>
    public static void Batching(AsyncOptions options) => options.BatchSize = 5_000;

    /// <summary>Where and how events and documents are stored; shared with tools that write the same store (the benchmark's fill).</summary>
    public static void ConfigureStorage(StoreOptions options, string connectionString, bool manageSchema = true)
    {
        options.Connection(Tuned(connectionString));
        options.DatabaseSchemaName = Schema;
        // Amounts stay JSON numbers in the store (so SQL can add them up); only HTTP writes them as strings.
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            configure: json => json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
        // Managing the schema from the API is convenient in development; a production deployment applies it ahead
        // (apply-database-changes) and sets EventStore:ManageSchema=false, which also starts faster.
        options.AutoCreateSchemaObjects = manageSchema ? AutoCreate.CreateOrUpdate : AutoCreate.None;
        // Quick appends (issue 18): the events and their stream row are written by one function in the save's batch, where
        // Rich appends first asked PostgreSQL for the stream's version and the events' global sequence, a round trip of their
        // own. Inline projections then see each event's version (FetchForWriting and StartStream number them from the version
        // read) but not its global sequence, 0 until the save answers it: no read model takes its order from the sequence
        // (lists are paged by when a stream was recorded, then its id: Place), and a write answers the sequence after its
        // commit (Event-Position).
        options.Events.AppendMode = EventAppendMode.Quick;
        // Headers carry an imported event's provenance (import id, sheet, row, who ran it, when: issue 15). The column is
        // nullable: events stored before it, and events recorded by hand, have none and read as before.
        options.Events.MetadataConfig.HeadersEnabled = true;
        // A rebuild's batches that only insert (one document per event, as an event projection writes them) are written with COPY
        // instead of one INSERT each; a batch that also patches or upserts falls back to the ordinary path, in order.
        options.Projections.RebuildWithBulkCopy = true;
        options.OpenTelemetry.TrackEventCounters(); // the marten.event.append counter
    }

    /// <summary>
    /// The connection settings the API needs to be fast, measured by the benchmark (bench/run, --profile): parsing and
    /// planning Marten's statements took about 40 % of PostgreSQL's CPU on every write, so a statement used over and
    /// over is prepared once per connection (Max Auto Prepare, unless the connection string sets it); and a pooled
    /// connection is not reset on every checkout (No Reset On Close), which cost a round trip per request: sessions
    /// leave no server-side state behind that a reset would have to clear.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        // An explicit Max Auto Prepare wins, 0 included (behind PgBouncer in transaction mode, prepared statements break).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            builder.MaxAutoPrepare = 200;
        return builder.ConnectionString;
    }

    /// <param name="features">Each feature's part of the store: its projections and indexes (composed in Program.cs).</param>
    public static IServiceCollection AddEventStore(this IServiceCollection services, string connectionString, IConfiguration configuration,
        Action<StoreOptions> features)
    {
        services.AddSingleton<IFailureMapping, StoreFailures>();
        var manageSchema = configuration.GetValue("EventStore:ManageSchema", true);
        var marten = services.AddMarten(options =>
            {
                ConfigureStorage(options, connectionString, manageSchema);
                options.RegisterDocumentType<IdempotencyRecord>();
                features(options);
            })
            .UseLightweightSessions()
            // HotCold (the default): several instances share one database and an advisory lock elects the one that runs
            // the async projections; when it dies another takes over. Solo: a single instance, no election.
            // Disabled: a node that must not run them (the commands, some tests).
            .AddAsyncDaemon(configuration.GetValue("EventStore:AsyncDaemon", JasperFx.Events.Daemon.DaemonMode.HotCold));
        if (manageSchema) marten.ApplyAllDatabaseChangesOnStartup();
        // Reads that say how fresh they are (issue 14 §3): every write answers its events' position, and an
        // asynchronous read waits a bounded time for it.
        services.AddHttpContextAccessor();
        services.ConfigureMarten((provider, options) =>
            options.Listeners.Add(new ProjectionFreshness.WritePositionListener(provider.GetRequiredService<IHttpContextAccessor>())));
        services.AddSingleton(configuration.GetSection("Freshness").Get<FreshnessOptions>() ?? new FreshnessOptions());
        return services;
    }
}
