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
/// A write to an existing stream as one plain SQL statement, on its own in autocommit (issue 18): the events appended,
/// the stream's inline read model updated to the document folded from them, and the answer an Idempotency-Key keeps,
/// all or nothing, in one round trip and one commit. It replaces, for the writes that use it, Marten's save: its
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
/// The rows are the ones Marten writes, column for column (the event type's alias and .NET name, the default tenant,
/// the timestamp expressions, the stream's timestamp; the document's revision, its metadata columns as its mapping has
/// them), so Marten reads them back, the daemon and its high-water mark see them as any other, and a rebuild folds them
/// the same. A document whose mapping has columns this statement does not write (duplicated fields, a tenant, soft
/// deletes...) is refused when the statement is first built, not stored half.
/// </para>
/// </summary>
public sealed class AppendStatement
{
    private readonly Guid stream;
    private readonly long expectedVersion;
    private readonly string[] bodies;
    private object? document;
    private IdempotencyRecord? answer;

    private AppendStatement(Guid stream, long expectedVersion, IReadOnlyList<IEvent> events, string[] bodies) =>
        (this.stream, this.expectedVersion, Events, this.bodies) = (stream, expectedVersion, events, bodies);

    /// <summary>The events to append, numbered from the version after the one read; their global sequence is set by <see cref="ExecuteAsync"/>.</summary>
    public IReadOnlyList<IEvent> Events { get; }

    /// <summary>The append of <paramref name="data"/> to the stream at <paramref name="expectedVersion"/>, not yet run.</summary>
    public static AppendStatement For(IDocumentSession session, Guid stream, long expectedVersion, IReadOnlyList<object> data)
    {
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
        return new AppendStatement(stream, expectedVersion, events, bodies);
    }

    /// <summary>The stream's inline read model after the events (its row exists: it was read), stored by the same statement.</summary>
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
    /// <see cref="ConcurrencyException"/> when the stream was not at the version read, and
    /// <see cref="DocumentAlreadyExistsException"/> for the Idempotency-Key's record when another request saved it first;
    /// in both cases nothing was written.
    /// </summary>
    public async Task ExecuteAsync(IDocumentSession session, CancellationToken ct)
    {
        var options = session.DocumentStore.Options;
        var serializer = options.Serializer();
        var sql = Sql(options, document?.GetType(), answer is not null);
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
        if (document is not null)
        {
            // $8: the document's JSON, $9: its revision (the stream's version after the append), $10: its .NET type.
            values.Add(new() { Value = serializer.ToJson(document), NpgsqlDbType = NpgsqlDbType.Jsonb });
            values.Add(new() { Value = expectedVersion + Events.Count, NpgsqlDbType = NpgsqlDbType.Bigint });
            values.Add(new() { Value = document.GetType().FullName!, NpgsqlDbType = NpgsqlDbType.Varchar });
        }
        if (answer is not null)
        {
            // Then the record's id, its JSON, its version (Marten's is a new Guid per save), its .NET type.
            values.Add(new() { Value = answer.Id, NpgsqlDbType = NpgsqlDbType.Varchar });
            values.Add(new() { Value = serializer.ToJson(answer), NpgsqlDbType = NpgsqlDbType.Jsonb });
            values.Add(new() { Value = Guid.CreateVersion7(), NpgsqlDbType = NpgsqlDbType.Uuid });
            values.Add(new() { Value = typeof(IdempotencyRecord).FullName!, NpgsqlDbType = NpgsqlDbType.Varchar });
        }

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
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && answer is not null && e.TableName == RecordTable(options))
        {
            throw new DocumentAlreadyExistsException(e, typeof(IdempotencyRecord), answer.Id);
        }
        // Not reached while the one-time filter stands; kept so that a statement that wrote no event never answers success.
        if (read != Events.Count) throw new ConcurrencyException(typeof(IEvent), stream);
    }

    private static readonly ConcurrentDictionary<(Type? Document, bool Answer), string> Statements = new();

    // Headers are JSON null, as Marten writes an event without any. Marten's function writes (now() at time zone 'utc')
    // into the events' timestamptz column and now() into the stream's: the same here, so both read back as before. The
    // order by makes the events' sequence follow their versions: PostgreSQL evaluates a volatile nextval in the select
    // list after the sort. The document's and the record's writes are guarded by the moved row too, though the failing
    // filter already stops the whole statement.
    private static string Sql(IReadOnlyStoreOptions options, Type? documentType, bool answer) => Statements.GetOrAdd((documentType, answer), key =>
    {
        var schema = EventStoreSetup.Schema;
        var sql = new System.Text.StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            with moved as (
                update {schema}.mt_streams set version = $1, timestamp = now()
                where id = $2 and version = $3 and is_archived is not true
                returning id, tenant_id),
            appended as (
                insert into {schema}.mt_events
                    (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, headers)
                select nextval('{schema}.mt_events_sequence'), e.id, moved.id, $3 + e.n, e.data, e.type, moved.tenant_id,
                    (now() at time zone 'utc'), e.dotnet_type, false, 'null'::jsonb
                from moved, unnest($4::uuid[], $5::varchar[], $6::varchar[], $7::jsonb[]) with ordinality as e(id, type, dotnet_type, data, n)
                where 1 / (select count(*) from moved)::int = 1
                order by e.n
                returning version, seq_id)
            """);
        if (key.Document is { } type)
        {
            var mapping = Simple(options, type, revisioned: true);
            var set = new List<string> { "data = $8", "mt_version = $9" };
            if (mapping.Metadata.DotNetType.Enabled) set.Add("mt_dotnet_type = $10");
            if (mapping.Metadata.LastModified.Enabled) set.Add("mt_last_modified = transaction_timestamp()");
            sql.Append(CultureInfo.InvariantCulture, $"""
                ,
                document as (
                    update {mapping.TableName.QualifiedName} set {string.Join(", ", set)}
                    where id = $2 and exists (select from moved))
                """);
        }
        if (key.Answer)
        {
            var mapping = Simple(options, typeof(IdempotencyRecord), revisioned: false);
            var first = key.Document is null ? 8 : 11; // the record's parameters follow the document's, if any
            List<string> columns = ["id", "data", "mt_version"], values = [$"${first}", $"${first + 1}", $"${first + 2}"];
            if (mapping.Metadata.DotNetType.Enabled) { columns.Add("mt_dotnet_type"); values.Add($"${first + 3}"); }
            if (mapping.Metadata.LastModified.Enabled) { columns.Add("mt_last_modified"); values.Add("transaction_timestamp()"); }
            sql.Append(CultureInfo.InvariantCulture, $"""
                ,
                answer as (
                    insert into {mapping.TableName.QualifiedName} ({string.Join(", ", columns)})
                    select {string.Join(", ", values)} where exists (select from moved))
                """);
        }
        sql.Append("\nselect version, seq_id from appended");
        return sql.ToString();
    });

    private static string RecordTable(IReadOnlyStoreOptions options) => Simple(options, typeof(IdempotencyRecord), revisioned: false).TableName.Name;

    /// <summary>The mapping of a document this statement can write whole: the columns it writes are all the table has.</summary>
    private static DocumentMapping Simple(IReadOnlyStoreOptions options, Type type, bool revisioned)
    {
        var mapping = (DocumentMapping)options.FindOrResolveDocumentType(type);
        List<string> unsupported = [.. DocumentCopy.Unfilled(mapping)];
        if (mapping.DuplicatedFields.Count > 0) unsupported.Add("duplicated fields");
        if (mapping.UseNumericRevisions != revisioned) unsupported.Add(revisioned ? "no numeric revision" : "a numeric revision");
        if (unsupported.Count > 0)
            throw new NotSupportedException($"{type.Name}'s table has {string.Join(", ", unsupported)}, which {nameof(AppendStatement)} does not write.");
        return mapping;
    }
}
