using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using System.Threading.Channels;
using Marten.Events.Aggregation;

namespace Investment.Api.EventStore;

/// <summary>
/// Rebuilds every single-stream projection in one pass over the events (issue 18): the streams a chunk at a time, in id
/// order; each chunk's events read once, ordered by sequence; every projection folds each stream through Marten's own
/// aggregator (<see cref="IAggregator{TDoc,TQuerySession}.BuildAsync"/>, the entry point a live aggregation uses, so the
/// projections' Create/Apply and EvolveAsync code runs as it does anywhere else); the chunk's documents written with
/// Marten's inserts in one batch (with every column Marten stores beside a document: duplicated fields, type, version). Then
/// each projection's progression is set to the head, as Marten's rebuild leaves it. Marten's daemon instead reads the
/// events once per projection, page by page, and loads and rewrites a stream's document on every page it appears in:
/// the benchmark's store took 62-66 s that way for 9 projections.
/// A projection this cannot rebuild (not a single-stream projection by Guid, or one that filters by stream type or reads
/// archived events) is left to the daemon: <see cref="Plan"/> says which.
/// </summary>
public static class OnePassRebuild
{
    /// <summary>A projection the one pass rebuilds: its shard (for the progression), its document type, the events it reads, its fold.</summary>
    public interface IProjection
    {
        string Name { get; }
        string Shard { get; }

        /// <summary>Whether Marten keeps its progression: an async projection's; an inline one's rebuild leaves none.</summary>
        bool Tracked { get; }
        Type DocumentType { get; }
        bool Reads(IEvent e);
        /// <summary>Folds one stream's events (those it <see cref="Reads"/>): the document they leave, if any.</summary>
        Task<object?> FoldAsync(IReadOnlyList<IEvent> events, IQuerySession read, CancellationToken cancellation);
        /// <summary>Stores <paramref name="documents"/> in <paramref name="write"/> as Marten's daemon stores them.</summary>
        Task StoreAsync(IDocumentSession write, IReadOnlyList<(object Document, IReadOnlyList<IEvent> Events)> documents, CancellationToken cancellation);
    }

    /// <summary>The registered projections split into those the one pass rebuilds and the names of those left to Marten's daemon.</summary>
    public static (IReadOnlyList<IProjection> OnePass, IReadOnlyList<string> Daemon) Plan(IDocumentStore store)
    {
        var onePass = new List<IProjection>();
        var daemon = new List<string>();
        foreach (var source in store.Options.Events.Projections())
        {
            if (Fold(source) is { } projection) onePass.Add(projection);
            else daemon.Add(source.Name);
        }
        return (onePass, daemon);
    }

    private static IProjection? Fold(object source)
    {
        if (source is not EventFilterable { StreamType: null, IncludeArchivedEvents: false } filterable) return null;
        for (var type = source.GetType(); type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(SingleStreamProjection<,>)) continue;
            var arguments = type.GetGenericArguments();
            if (arguments[1] != typeof(Guid)) return null;
            return (IProjection)Activator.CreateInstance(typeof(Folding<>).MakeGenericType(arguments[0]), source, filterable)!;
        }
        return null;
    }

    private sealed class Folding<TDoc>(object source, EventFilterable filterable) : IProjection where TDoc : notnull
    {
        private readonly IAggregator<TDoc, IQuerySession> aggregator = (IAggregator<TDoc, IQuerySession>)source;

        // The events Marten's daemon would load for this projection (its event-type filter, with the archive and compaction
        // markers it always adds); none listed, or an abstract one, means every event.
        private readonly HashSet<Type>? types = filterable.IncludedEventTypes is { Count: > 0 } included && !included.Any(t => t.IsAbstract || t.IsInterface)
            ? [.. included, typeof(Archived), typeof(Compacted<TDoc>)]
            : null;

        public string Name => ((JasperFx.Events.Subscriptions.ISubscriptionSource)source).Name;

        public string Shard => ((JasperFx.Events.Subscriptions.ISubscriptionSource)source).ShardNames().Single().Identity;

        public bool Tracked => ((ProjectionBase)source).Lifecycle != ProjectionLifecycle.Inline;

        public Type DocumentType => typeof(TDoc);

        public bool Reads(IEvent e) => types is null || types.Contains(e.EventType);

        public async Task<object?> FoldAsync(IReadOnlyList<IEvent> events, IQuerySession read, CancellationToken cancellation) =>
            await aggregator.BuildAsync(events, read, default, cancellation);

        public async Task StoreAsync(IDocumentSession write, IReadOnlyList<(object Document, IReadOnlyList<IEvent> Events)> documents, CancellationToken cancellation)
        {
            // Stored as Marten's daemon stores an aggregate: the same operation, with the stream's last event, so the row's
            // version column is the stream's version.
            var storage = await write.FetchProjectionStorageAsync<TDoc, Guid>(write.TenantId, cancellation);
            foreach (var (document, events) in documents) storage.StoreProjection((TDoc)document, events[^1], AggregationScope.SingleStream);
        }
    }

    /// <summary>A chunk's documents, by projection (in the order of the projections given), each with the events it folded.</summary>
    private sealed record Chunk(List<(object Document, IReadOnlyList<IEvent> Events)>[] Documents);

    /// <summary>
    /// Rebuilds <paramref name="projections"/>: their documents deleted, their progression at 0, then every stream folded
    /// <paramref name="streamsPerChunk"/> streams at a time (what a chunk holds in memory: its events and documents), then their
    /// progression at the head. Three stages run at once, each a chunk ahead of the next (bounded channels: at most a chunk
    /// waits between two): the events read, folded, written. With <paramref name="copy"/>, a projection whose mapping
    /// <see cref="DocumentCopy"/> can write goes through one binary COPY per chunk; otherwise through Marten's own storage
    /// operations in one batch. Returns the head (the highest event sequence the rebuild read up to) and the projections
    /// written by COPY.
    /// </summary>
    public static async Task<(long Head, IReadOnlyList<string> Copied)> RunAsync(IDocumentStore store, IReadOnlyList<IProjection> projections,
        int streamsPerChunk, CancellationToken cancellation, bool copy = true)
    {
        var database = store.Storage.Database;
        var head = await database.FetchHighestEventSequenceNumber(cancellation);
        if (projections.Count == 0) return (head, []);
        var copies = projections.Select(p => copy ? DocumentCopy.For(store, p.DocumentType) : null).ToArray();
        foreach (var projection in projections) await store.Advanced.Clean.DeleteDocumentsByTypeAsync(projection.DocumentType, cancellation);
        await SetProgression(store, projections, 0, cancellation);

        var read = Channel.CreateBounded<List<IEvent>>(1);
        var folded = Channel.CreateBounded<Chunk>(1);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var token = failed.Token;
        // A stage that fails stops the others (a stage waiting on a full or empty channel would wait for ever).
        async Task Run(Func<Task> stage)
        {
            try { await stage(); }
            catch { await failed.CancelAsync(); throw; }
        }
        var reading = Run(async () =>
        {
            try
            {
                Guid? last = null;
                while (true)
                {
                    var streams = await Streams(store, last, streamsPerChunk, token);
                    if (streams.Count == 0) break;
                    last = streams[^1];
                    await using var session = store.QuerySession();
                    var events = await session.Events.QueryAllRawEvents()
                        .Where(e => streams.Contains(e.StreamId) && e.Sequence <= head)
                        .OrderBy(e => e.Sequence)
                        .ToListAsync(token);
                    await read.Writer.WriteAsync([.. events], token);
                }
            }
            finally { read.Writer.Complete(); }
        });
        var folding = Run(async () =>
        {
            try
            {
                await using var session = store.QuerySession();
                await foreach (var events in read.Reader.ReadAllAsync(token))
                {
                    var chunk = new Chunk([.. projections.Select(_ => new List<(object, IReadOnlyList<IEvent>)>())]);
                    foreach (var stream in events.GroupBy(e => e.StreamId))
                    {
                        var all = stream.ToList();
                        for (var i = 0; i < projections.Count; i++)
                        {
                            var reads = all.Where(projections[i].Reads).ToList();
                            if (reads.Count > 0 && await projections[i].FoldAsync(reads, session, token) is { } document) chunk.Documents[i].Add((document, reads));
                        }
                    }
                    await folded.Writer.WriteAsync(chunk, token);
                }
            }
            finally { folded.Writer.Complete(); }
        });
        var writing = Run(async () =>
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(token);
            await foreach (var chunk in folded.Reader.ReadAllAsync(token))
            {
                await using var write = store.LightweightSession();
                var batched = false;
                for (var i = 0; i < projections.Count; i++)
                {
                    if (copies[i] is { } table) await table.WriteAsync(connection, chunk.Documents[i], token);
                    else if (chunk.Documents[i].Count > 0)
                    {
                        await projections[i].StoreAsync(write, chunk.Documents[i], token);
                        batched = true;
                    }
                }
                if (batched) await write.SaveChangesAsync(token);
            }
        });
        await Task.WhenAll(reading, folding, writing);
        await SetProgression(store, projections, head, cancellation);
        return (head, [.. projections.Where((_, i) => copies[i] is not null).Select(p => p.Name)]);
    }

    /// <summary>The next stream ids after <paramref name="after"/>, in id order (keyset paging over mt_streams' primary key).</summary>
    private static async Task<List<Guid>> Streams(IDocumentStore store, Guid? after, int count, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new Npgsql.NpgsqlCommand(
            $"select id from {store.Options.Events.DatabaseSchemaName}.mt_streams where @after::uuid is null or id > @after order by id limit @count", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter("after", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = after is { } a ? a : DBNull.Value });
        command.Parameters.AddWithValue("count", count);
        var ids = new List<Guid>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>Each async projection's row in mt_event_progression, as Marten's daemon keeps it: the shard's name and the last sequence applied.</summary>
    private static async Task SetProgression(IDocumentStore store, IReadOnlyList<IProjection> projections, long sequence, CancellationToken cancellation)
    {
        var tracked = projections.Where(p => p.Tracked).Select(p => p.Shard).ToArray();
        if (tracked.Length == 0) return;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new Npgsql.NpgsqlCommand($"""
            insert into {store.Options.Events.DatabaseSchemaName}.mt_event_progression (name, last_seq_id, last_updated)
            select unnest(@names), @sequence, transaction_timestamp()
            on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated
            """, connection);
        command.Parameters.AddWithValue("names", tracked);
        command.Parameters.AddWithValue("sequence", sequence);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
