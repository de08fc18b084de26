using System.Globalization;
using JasperFx.Events;

namespace Investment.Api.EventStore;

/// <summary>
/// How fresh an answer computed from asynchronous projections is (issue 14 §3). <paramref name="CurrentToPosition"/> is
/// the global sequence of the last recorded event every projection behind the answer has applied: the answer counts
/// every event up to it. A client that has just written sends the position its write answered (the Event-Position
/// header) as minPosition; <paramref name="Stale"/> is true when the projections had not reached it when the wait ran out.
/// </summary>
/// <param name="CurrentToPosition">The answer counts every event recorded up to this position (the global event sequence).</param>
/// <param name="RequestedPosition">The minPosition asked for; null when none was.</param>
/// <param name="Stale">True when the answer is not yet current to the requested position.</param>
public sealed record Freshness(long CurrentToPosition, long? RequestedPosition, bool Stale)
{
    /// <summary>The response header every write carries: the global sequence of the last event it recorded.</summary>
    public const string PositionHeader = "Event-Position";

    /// <summary>The response header of an asynchronous read: the position its answer is current to.</summary>
    public const string CurrentToHeader = "Current-To-Position";

    /// <summary>The response header of an asynchronous read: true when it did not reach the minPosition asked for.</summary>
    public const string StaleHeader = "Stale";

    public const string Parameter = "minPosition";

    /// <summary>Writes both headers of a read.</summary>
    public Freshness On(HttpContext http)
    {
        http.Response.Headers[CurrentToHeader] = CurrentToPosition.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[StaleHeader] = Stale ? "true" : "false";
        return this;
    }
}

/// <summary>The bounded wait of a read-your-write (configuration section Freshness).</summary>
public sealed class FreshnessOptions
{
    /// <summary>How long a read waits for its projections to reach minPosition before answering stale; 3 s unless configured, 10 s at most.</summary>
    public int MaxWaitMilliseconds { get; set; } = 3_000;

    /// <summary>How often the projections' progress is read while waiting.</summary>
    public int PollMilliseconds { get; set; } = 50;
}

public static class ProjectionFreshness
{
    /// <summary>
    /// The async daemon's high-water mark, named among the projections by reads computed from the events themselves (the
    /// reports' lead logs): every event up to it is committed, so such a read is current to it.
    /// </summary>
    public const string EventsPosition = "HighWaterMark";

    /// <summary>The minPosition query value: absent, or a whole number from 0 (400 otherwise, naming it).</summary>
    public static ProblemHttpResult? Parse(string? text, out long? position)
    {
        position = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            position = parsed;
            return null;
        }
        return Problems.BadRequest($"request.invalid_{Freshness.Parameter}",
            $"{Freshness.Parameter} must be a whole number from 0: the Event-Position a write answered, such as 1234.");
    }

    /// <summary>
    /// How far the named projections have applied the log (the slowest of them), waiting up to the configured time for
    /// <paramref name="minPosition"/>. A position beyond the last recorded event can never be reached: it answers at once,
    /// stale. The projections are named as the features register them (the read model's type name).
    /// </summary>
    public static async Task<Freshness> Wait(IQuerySession session, FreshnessOptions options, long? minPosition, CancellationToken ct,
        params string[] projections)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Math.Clamp(options.MaxWaitMilliseconds, 0, 10_000));
        while (true)
        {
            var (current, head) = await Positions(session, projections, ct);
            if (minPosition is not { } wanted || current >= wanted) return new Freshness(current, minPosition, false);
            if (wanted > head || DateTime.UtcNow >= deadline) return new Freshness(current, minPosition, true);
            await Task.Delay(Math.Clamp(options.PollMilliseconds, 10, 1_000), ct);
        }
    }

    /// <summary>The slowest of the projections' positions and the last recorded event's, in one round trip.</summary>
    private static async Task<(long Current, long Head)> Positions(IQuerySession session, string[] projections, CancellationToken ct)
    {
        var names = projections.Select(p => p == EventsPosition ? p : p + ":%").ToArray();
        var row = (await session.AdvancedSql.QueryAsync<PositionRow>($"""
            select json_build_object(
                'current', coalesce((select min(p.seq) from (
                    select coalesce((select max(last_seq_id) from {EventStoreSetup.Schema}.mt_event_progression where name like n), 0) as seq
                    from unnest(?::text[]) as n) p), 0),
                'head', coalesce((select max(seq_id) from {EventStoreSetup.Schema}.mt_events), 0))
            """, ct, new object[] { names }))[0];
        return (row.Current, row.Head);
    }

    private sealed record PositionRow(long Current, long Head);

    /// <summary>
    /// The Event-Position header of a write: the global sequence of its last event. The listener below sets it for Marten's
    /// appends; a write that numbered its events itself (<see cref="AppendStatement"/>), which the listener does not see, calls it after its save.
    /// </summary>
    public static void SetWritePosition(HttpContext http, long sequence)
    {
        if (sequence > 0 && !http.Response.HasStarted)
            http.Response.Headers[Freshness.PositionHeader] = sequence.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Every write that records events answers the global sequence of the last one in <see cref="Freshness.PositionHeader"/>:
    /// a Marten listener sees each committed session's events, numbered by the save (quick appends read the sequence back from
    /// the append's own statement), before the handler answers.
    /// </summary>
    public sealed class WritePositionListener(IHttpContextAccessor http) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token)
        {
            if (http.HttpContext is { } context) SetWritePosition(context, commit.GetEvents().Select(e => e.Sequence).DefaultIfEmpty(0).Max());
            return Task.CompletedTask;
        }
    }
}
