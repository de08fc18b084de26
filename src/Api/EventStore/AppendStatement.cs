using System.Collections.Concurrent;
using System.Globalization;
using JasperFx;
using JasperFx.Events;
using Marten.Events;
using Marten.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Investment.Api.EventStore;

/// <summary>
/// A write to a stream as one plain SQL statement, on its own in autocommit (issue 18): the events appended to an existing
/// stream (<see cref="For"/>) or starting a new one (<see cref="Start"/>), the stream's inline read model updated or
/// inserted as the document folded from them, and the answer an Idempotency-Key keeps, all or nothing, in one round trip
/// and one commit. It replaces, for the writes that use it, Marten's save: its
/// <c>mt_quick_append_events</c> (that PL/pgSQL function selects the stream row twice, loops over the events and updates
/// the row at the end, and cost PostgreSQL more per contact than any other statement), the document's upsert, and the
/// transaction around them (BEGIN and COMMIT, a round trip of its own).
/// <para>
/// The statement moves the stream row from the version the command read to the version after the append
/// (<c>where version = expected</c>: a concurrent append that committed first leaves no row to update), and inserts the
/// events, updates the document and inserts the key's record only from that updated row. When no row moved, the events'
/// insert fails (a one-time filter divides by the number of rows moved: none), so nothing at all is written, and the
/// failure is the conflict. The version check comes before any <c>nextval</c>, so a loser takes no global sequence
/// number: no gap for the async daemon to wait out. The row lock the update takes holds every other writer of the stream
/// until the statement commits, as Marten's function does.
/// </para>
/// <para>
/// A new stream's row is inserted instead (its primary key refuses a second start of the same id), and its document inserted
/// with it: a unique index of the document (a certificate's number) that refuses the row refuses the whole statement.
/// </para>
/// <para>
/// The rows are the ones Marten writes, column for column (the event type's alias and .NET name, the default tenant,
/// the timestamp expressions, the stream's timestamp; the document's revision, its metadata columns as its mapping has
/// them, its duplicated fields: <see cref="DocumentCopy.Columns"/>), so Marten reads them back, the daemon and its
/// high-water mark see them as any other, and a rebuild folds them the same. A document whose mapping has columns this
/// statement does not write (a tenant, soft deletes...) is refused when the statement is first built, not stored half.
/// </para>
/// </summary>
public sealed class AppendStatement
{
    private readonly Guid stream;
    private readonly long expectedVersion;
    private readonly bool starting;
    private readonly string[] bodies;
    private object? document;
    private IdempotencyRecord? answer;

    private AppendStatement(Guid stream, long expectedVersion, bool starting, IReadOnlyList<IEvent> events, string[] bodies) =>
        (this.stream, this.expectedVersion, this.starting, Events, this.bodies) = (stream, expectedVersion, starting, events, bodies);

    /// <summary>The events to append, numbered from the version after the one read; their global sequence is set by <see cref="ExecuteAsync"/>.</summary>
    public IReadOnlyList<IEvent> Events { get; }

    /// <summary>The append of <paramref name="data"/> to the stream at <paramref name="expectedVersion"/>, not yet run.</summary>
    public static AppendStatement For(IDocumentSession session, Guid stream, long expectedVersion, IReadOnlyList<object> data) =>
        Of(session, stream, expectedVersion, starting: false, data);

    /// <summary>A new stream <paramref name="stream"/> started with <paramref name="data"/>, not yet run.</summary>
    public static AppendStatement Start(IDocumentSession session, Guid stream, IReadOnlyList<object> data) =>
        Of(session, stream, 0, starting: true, data);

    private static AppendStatement Of(IDocumentSession session, Guid stream, long expectedVersion, bool starting, IReadOnlyList<object> data)
    {
        // The stream row takes the column's default tenant: a store of several tenants would need it written.
        if (session.TenantId != StorageConstants.DefaultTenantId)
            throw new NotSupportedException($"{nameof(AppendStatement)} writes the default tenant's streams only.");
        var graph = (EventGraph)session.DocumentStore.Options.Events;
        var serializer = session.DocumentStore.Options.Serializer();
        var now = DateTimeOffset.UtcNow;
        var events = new IEvent[data.Count];
        var bodies = new string[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var e = graph.EventMappingFor(data[i].GetType()).Wrap(data[i]);
            e.Id = Guid.CreateVersion7();
            e.StreamId = stream;
            e.Version = expectedVersion + i + 1;
            e.Timestamp = now; // the stored timestamp is PostgreSQL's; nothing answered from these events reads it
            e.TenantId = session.TenantId;
            events[i] = e;
            bodies[i] = serializer.ToJson(data[i]);
        }
        return new AppendStatement(stream, expectedVersion, starting, events, bodies);
    }

    /// <summary>The stream's inline read model after the events (updated, or inserted for a new stream), stored by the same statement.</summary>
    public AppendStatement Storing(object readModel)
    {
        document = readModel;
        return this;
    }

    /// <summary>The Idempotency-Key's record with its answer, inserted by the same statement (a racing request with the same key fails on it).</summary>
    public AppendStatement Answering(IdempotencyRecord? record)
    {
        answer = record;
        return this;
    }

    /// <summary>
    /// Runs the statement on a connection of its own (no transaction: the one statement is atomic). Throws
    /// <see cref="ConcurrencyException"/> when the stream was not at the version read (or, started, exists already),
    /// <see cref="DocumentAlreadyExistsException"/> for the document when a unique index of its table refuses it, and for
    /// the Idempotency-Key's record when another request saved it first; in every case nothing was written.
    /// </summary>
    public async Task ExecuteAsync(IDocumentSession session, CancellationToken ct)
    {
        var options = (StoreOptions)session.DocumentStore.Options;
        var (sql, columns, record) = Sql(options, document?.GetType(), answer is not null, starting);
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var ids = new Guid[Events.Count];
        var types = new string[Events.Count];
        var dotnetTypes = new string[Events.Count];
        for (var i = 0; i < Events.Count; i++)
        {
            ids[i] = Events[i].Id;
            types[i] = Events[i].EventTypeName;
            dotnetTypes[i] = Events[i].DotNetTypeName;
        }
        var values = command.Parameters;
        values.Add(new() { Value = expectedVersion + Events.Count, NpgsqlDbType = NpgsqlDbType.Bigint });
        values.Add(new() { Value = stream, NpgsqlDbType = NpgsqlDbType.Uuid });
        values.Add(new() { Value = expectedVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
        values.Add(new() { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        values.Add(new() { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        values.Add(new() { Value = dotnetTypes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        values.Add(new() { Value = bodies, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        // From $8: the document's columns after its id (the stream's, $2), as Marten's upsert fills them.
        if (document is not null)
            foreach (var column in columns.Skip(1))
                values.Add(new() { Value = column.Value(document, Events) ?? DBNull.Value, NpgsqlDbType = column.Type });
        // Then the record's columns (Marten's version of it is a new Guid per save).
        if (answer is not null)
            foreach (var column in record)
                values.Add(new() { Value = column.Value(answer, Events) ?? DBNull.Value, NpgsqlDbType = column.Type });

        var read = 0;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var version = reader.GetInt64(0);
                Events[(int)(version - expectedVersion - 1)].Sequence = reader.GetInt64(1);
                read++;
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DivisionByZero)
        {
            throw new ConcurrencyException(typeof(IEvent), stream);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            if (answer is not null && e.TableName == TableOf(options, typeof(IdempotencyRecord)))
                throw new DocumentAlreadyExistsException(e, typeof(IdempotencyRecord), answer.Id);
            if (document is not null && e.TableName == TableOf(options, document.GetType()))
                throw new DocumentAlreadyExistsException(e, document.GetType(), stream);
            throw new ConcurrencyException(typeof(IEvent), stream); // the stream's row or an event's version: written by another
        }
        // Not reached while the one-time filter stands; kept so that a statement that wrote no event never answers success.
        if (read != Events.Count) throw new ConcurrencyException(typeof(IEvent), stream);
    }

    private static readonly ConcurrentDictionary<(Type? Document, bool Answer, bool Starting), (string Sql, IReadOnlyList<DocumentCopy.Column> Document, IReadOnlyList<DocumentCopy.Column> Record)> Statements = new();

    // Headers are SQL NULL, as Marten writes a new stream's events without any. Marten's function writes
    // (now() at time zone 'utc') into the events' timestamptz column and now() into the stream's: the same here, so both
    // read back as before. The order by makes the events' sequence follow their versions: PostgreSQL evaluates a volatile
    // nextval in the select list after the sort. The document's and the record's writes are guarded by the moved row too,
    // though the failing filter already stops the whole statement.
    private static (string, IReadOnlyList<DocumentCopy.Column>, IReadOnlyList<DocumentCopy.Column>) Sql(StoreOptions options, Type? documentType, bool answer, bool starting) =>
        Statements.GetOrAdd((documentType, answer, starting), key =>
    {
        var schema = EventStoreSetup.Schema;
        // An existing stream moves from the version read; a new one is inserted at its version (the primary key refuses a
        // stream that exists), its tenant, creation time and archive flag the columns' defaults, its type null, as Marten's
        // function writes them.
        var stream = key.Starting
            ? $"insert into {schema}.mt_streams (id, type, version, timestamp) values ($2, null, $1, now()) returning id, tenant_id"
            : $"update {schema}.mt_streams set version = $1, timestamp = now() where id = $2 and version = $3 and is_archived is not true returning id, tenant_id";
        var sql = new System.Text.StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            with moved as (
                {stream}),
            appended as (
                insert into {schema}.mt_events
                    (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, headers)
                select nextval('{schema}.mt_events_sequence'), e.id, moved.id, $3 + e.n, e.data, e.type, moved.tenant_id,
                    (now() at time zone 'utc'), e.dotnet_type, false, null
                from moved, unnest($4::uuid[], $5::varchar[], $6::varchar[], $7::jsonb[]) with ordinality as e(id, type, dotnet_type, data, n)
                where 1 / (select count(*) from moved)::int = 1
                order by e.n
                returning version, seq_id)
            """);
        IReadOnlyList<DocumentCopy.Column> columns = [];
        var next = 8;
        if (key.Document is { } type)
        {
            var mapping = Writable(options, type, revisioned: true);
            columns = DocumentCopy.Columns(options, mapping);
            var written = columns.Skip(1).Select(c => (c.Name, Value: c.Cast is null ? $"${next++}" : $"${next++}::{c.Cast}")).ToList();
            var write = key.Starting
                ? $"insert into {mapping.TableName.QualifiedName} (id, {string.Join(", ", written.Select(c => c.Name))}) select $2, {string.Join(", ", written.Select(c => c.Value))} where exists (select from moved)"
                : $"update {mapping.TableName.QualifiedName} set {string.Join(", ", written.Select(c => $"{c.Name} = {c.Value}"))} where id = $2 and exists (select from moved)";
            sql.Append(CultureInfo.InvariantCulture, $"""
                ,
                document as (
                    {write})
                """);
        }
        IReadOnlyList<DocumentCopy.Column> record = [];
        if (key.Answer)
        {
            // The record's columns as Marten's insert fills them, its id its own key (a string), not a stream's.
            var mapping = Writable(options, typeof(IdempotencyRecord), revisioned: false);
            var all = DocumentCopy.Columns(options, mapping);
            record = [new("id", NpgsqlDbType.Varchar, null, (r, _) => ((IdempotencyRecord)r).Id), .. all.Skip(1)];
            var values = record.Select(c => c.Cast is null ? $"${next++}" : $"${next++}::{c.Cast}");
            sql.Append(CultureInfo.InvariantCulture, $"""
                ,
                answer as (
                    insert into {mapping.TableName.QualifiedName} ({string.Join(", ", record.Select(c => c.Name))})
                    select {string.Join(", ", values)} where exists (select from moved))
                """);
        }
        sql.Append("\nselect version, seq_id from appended");
        return (sql.ToString(), columns, record);
    });

    private static string TableOf(StoreOptions options, Type type) => ((DocumentMapping)((IReadOnlyStoreOptions)options).FindOrResolveDocumentType(type)).TableName.Name;

    /// <summary>The mapping of a document this statement can write whole: the columns it writes are all the table has.</summary>
    private static DocumentMapping Writable(StoreOptions options, Type type, bool revisioned)
    {
        var mapping = (DocumentMapping)((IReadOnlyStoreOptions)options).FindOrResolveDocumentType(type);
        List<string> unsupported = [.. DocumentCopy.Unfilled(mapping)];
        if (mapping.UseNumericRevisions != revisioned) unsupported.Add(revisioned ? "no numeric revision" : "a numeric revision");
        if (unsupported.Count > 0)
            throw new NotSupportedException($"{type.Name}'s table has {string.Join(", ", unsupported)}, which {nameof(AppendStatement)} does not write.");
        return mapping;
    }
}
