using Investment.Api.Targets;
using System.Collections.Concurrent;

namespace Investment.Api.Reports;

/// <summary>
/// A zone's progress "as known now" changes only when the events' high-water mark moves past new events, the target is
/// revised, or the day turns. Partners poll it; so the last answer is kept per zone and year, keyed by those three, and
/// a read costs one small query (the high-water mark) until one of them moves.
/// </summary>
public sealed class ProgressCache
{
    private sealed record Entry(Dependency Depends, LocalDate Today, ZoneProgress Answer);

    private readonly ConcurrentDictionary<(string Zone, int Year), Entry> answers = new();

    /// <summary>
    /// One computation at a time per zone and year: when the ledger moves under a crowd of pollers (the benchmark's 64
    /// clients while the async daemon catches up), each of them missed the cache at once and loaded the zone's whole
    /// year side by side, 26 MB of memory at the peak. Now the first computes and the others take its answer. Striped
    /// by a hash, so a caller naming made-up zones cannot make the set of locks grow.
    /// </summary>
    private readonly SemaphoreSlim[] computing = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// What the cached answer depends on, in one round trip: how far the log is committed (the daemon's high-water mark,
    /// which the ledgers and lead logs of <see cref="ZoneFacts"/> are folded to) and the version of the zone's target for the year (0 when none is set). Marten's own
    /// progress API (AllProjectionProgress) would cost a round trip of its own beside the target's, on every read of a
    /// cached answer: the two are read in one statement instead, the target's table named by Marten's mapping.
    /// </summary>
    public static async Task<Dependency> Dependencies(IQuerySession session, Guid targetId, string zone, CancellationToken ct)
    {
        var targets = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(ZoneTarget)).TableName.QualifiedName;
        var probabilities = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Forecasts.ZoneProbabilitySettings)).TableName.QualifiedName;
        return (await session.AdvancedSql.QueryAsync<Dependency>($"""
            select json_build_object(
                'position', coalesce((select max(last_seq_id) from {EventStoreSetup.Schema}.mt_event_progression where name = '{ProjectionFreshness.EventsPosition}'), 0),
                'targetVersion', coalesce((select (data ->> 'version')::bigint from {targets} where id = ?), 0),
                'probabilitiesVersion', coalesce((select (data ->> 'version')::bigint from {probabilities} where id = ?), 0),
                'epoch', (select id::text from {EventStoreSetup.Schema}.mt_events order by seq_id limit 1))
            """, ct, targetId, Domain.Forecasts.ProbabilityDecider.IdOf(zone)))[0];
    }

    /// <summary>
    /// What a kept answer depends on; each only grows while the store holds the same events. Position is the events' high-water
    /// mark, which both the certificates' ledgers and the leads' logs are folded to; the probabilities feed the pipeline
    /// forecast. The epoch is the id of the first event: another one means the store was
    /// reset and its positions count again from a new log (tests reset data), so nothing kept from before holds.
    /// </summary>
    public sealed record Dependency(long Position, long TargetVersion, long ProbabilitiesVersion = 0, string? Epoch = null)
    {
        public bool CoveredBy(Dependency kept) => kept.Epoch == Epoch && kept.Position >= Position && kept.TargetVersion >= TargetVersion
            && kept.ProbabilitiesVersion >= ProbabilitiesVersion;
    }

    /// <summary>
    /// The kept answer when it is at least as recent as <paramref name="depends"/> (the ledger position and the target
    /// version only grow), else the one <paramref name="compute"/> gives, kept for the next reads. A computation that
    /// answers nothing (an unknown zone) is not kept.
    /// </summary>
    public async Task<(ZoneProgress? Answer, T? Refusal)> Answer<T>(
        string zone, int year, Dependency depends, LocalDate today, Func<Task<(ZoneProgress? Answer, T? Refusal)>> compute, CancellationToken ct)
        where T : class
    {
        if (Find(zone, year, depends, today) is { } known) return (known, null);
        var gate = computing[(uint)HashCode.Combine(zone, year) % (uint)computing.Length];
        await gate.WaitAsync(ct);
        try
        {
            // Computed by the request this one waited for.
            if (Find(zone, year, depends, today) is { } computed) return (computed, null);
            var result = await compute();
            if (result.Answer is { } answer) answers[(zone, year)] = new Entry(depends, today, answer);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private ZoneProgress? Find(string zone, int year, Dependency depends, LocalDate today) =>
        answers.TryGetValue((zone, year), out var entry) && depends.CoveredBy(entry.Depends) && entry.Today == today
            ? entry.Answer
            : null;
}
