using System.Data.Common;
using JasperFx;
using JasperFx.Events;
using Marten.Events;
using Weasel.Core;
using Weasel.Storage;

namespace Investment.Api.EventStore;

/// <summary>
/// Events appended to an existing stream by one plain SQL statement, in the save's batch (issue 18), in place of Marten's
/// <c>mt_quick_append_events</c>: that PL/pgSQL function selects the stream row twice (its version, then its tenant),
/// loops over the events and updates the row at the end, and cost PostgreSQL more per contact than any other statement.
/// <para>
/// The statement moves the stream row from the version the command read to the version after the append
/// (<c>where version = expected</c>: a concurrent append that committed first leaves no row to update, and the insert
/// then writes nothing), and inserts the events only from that updated row. The version check comes before any
/// <c>nextval</c>, so a loser takes no global sequence number: no gap for the async daemon to wait out. The row lock
/// the update takes holds every other writer of the stream until the commit, as Marten's function does.
/// </para>
/// <para>
/// The rows are the ones Marten's function writes, column for column (the event type's alias and .NET name, the
/// default tenant, the timestamp expression, the stream's timestamp), so Marten reads them back, the daemon and its
/// high-water mark see them as any other, and a rebuild folds them the same.
/// </para>
/// </summary>
public sealed class AppendStatement : Weasel.Storage.IStorageOperation, JasperFx.Core.Exceptions.IExceptionTransform
{
    private readonly Guid stream;
    private readonly long expectedVersion;
    private readonly IReadOnlyList<IEvent> events;
    private readonly string[] bodies;

    private AppendStatement(Guid stream, long expectedVersion, IReadOnlyList<IEvent> events, string[] bodies) =>
        (this.stream, this.expectedVersion, this.events, this.bodies) = (stream, expectedVersion, events, bodies);

    /// <summary>
    /// Queues the append of <paramref name="data"/> to the stream at <paramref name="expectedVersion"/> in the session's
    /// next save; the events, numbered from the version after it, carry their global sequence once the save has run.
    /// </summary>
    public static IReadOnlyList<IEvent> Queue(IDocumentSession session, Guid stream, long expectedVersion, IReadOnlyList<object> data)
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
        session.QueueOperation(new AppendStatement(stream, expectedVersion, events, bodies));
        return events;
    }

    // When the version moved, the statement fails (the one-time filter divides by the number of rows updated: none) rather
    // than insert nothing: PostgreSQL stops the batch there, so what follows it (the read model, an Idempotency-Key's
    // record) is not attempted and the one failure is the conflict (TryTransform), as with Marten's function. Headers are
    // JSON null, as Marten writes an event without any. Placeholders are '?' (no jsonb operator in the statement). Marten's function writes (now() at time zone 'utc') into
    // the events' timestamptz column and now() into the stream's: the same here, so both read back as before. The order by
    // makes the events' sequence follow their versions: PostgreSQL evaluates a volatile nextval in the select list after the sort.
    private const string Marker = "with moved as (";

    private static readonly string Sql = $"""
        with moved as (
            update {EventStoreSetup.Schema}.mt_streams set version = ?, timestamp = now()
            where id = ? and version = ? and is_archived is not true
            returning id, tenant_id)
        insert into {EventStoreSetup.Schema}.mt_events
            (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, headers)
        select nextval('{EventStoreSetup.Schema}.mt_events_sequence'), e.id, moved.id, ? + e.n, e.data, e.type, moved.tenant_id,
            (now() at time zone 'utc'), e.dotnet_type, false, 'null'::jsonb
        from moved, unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::jsonb[]) with ordinality as e(id, type, dotnet_type, data, n)
        where 1 / (select count(*) from moved)::int = 1
        order by e.n
        returning version, seq_id
        """;

    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        var ids = new Guid[events.Count];
        var types = new string[events.Count];
        var dotnetTypes = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            ids[i] = events[i].Id;
            types[i] = events[i].EventTypeName;
            dotnetTypes[i] = events[i].DotNetTypeName;
        }
        var parameters = builder.AppendWithDbParameters(Sql, '?');
        Set(parameters[0], expectedVersion + events.Count, NpgsqlTypes.NpgsqlDbType.Bigint);
        Set(parameters[1], stream, NpgsqlTypes.NpgsqlDbType.Uuid);
        Set(parameters[2], expectedVersion, NpgsqlTypes.NpgsqlDbType.Bigint);
        Set(parameters[3], expectedVersion, NpgsqlTypes.NpgsqlDbType.Bigint);
        Set(parameters[4], ids, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid);
        Set(parameters[5], types, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Varchar);
        Set(parameters[6], dotnetTypes, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Varchar);
        Set(parameters[7], bodies, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb);
    }

    private static void Set(System.Data.Common.DbParameter parameter, object value, NpgsqlTypes.NpgsqlDbType type)
    {
        ((Npgsql.NpgsqlParameter)parameter).NpgsqlDbType = type;
        parameter.Value = value;
    }

    public async Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token)
    {
        var read = 0;
        while (await reader.ReadAsync(token))
        {
            var version = reader.GetInt64(0);
            events[(int)(version - expectedVersion - 1)].Sequence = reader.GetInt64(1);
            read++;
        }
        // No row: the stream was not at the version the command read (or is archived). Nothing was written.
        if (read != events.Count) exceptions.Add(new ConcurrencyException(typeof(IEvent), stream));
    }

    public bool TryTransform(Exception original, out Exception transformed)
    {
        var pg = original as Npgsql.PostgresException ?? original.InnerException as Npgsql.PostgresException;
        if (pg is { SqlState: Npgsql.PostgresErrorCodes.DivisionByZero } && pg.BatchCommand?.CommandText.Contains(Marker, StringComparison.Ordinal) == true)
        {
            transformed = new ConcurrencyException(typeof(IEvent), stream);
            return true;
        }
        transformed = original;
        return false;
    }

    public Type DocumentType => typeof(IEvent);

    public OperationRole Role() => OperationRole.Events;
}
