using System.Collections.Concurrent;
using Investment.Api.Database;

namespace Investment.Api.Reports;

/// <summary>
/// A zone's progress "as known now" changes only when the capital ledger projection applies new events, the target is
/// revised, or the day turns. Partners poll it; so the last answer is kept per zone and year, keyed by those three, and
/// a read costs one small query (the projection's position) until one of them moves.
/// </summary>
public sealed class ProgressCache
{
    private sealed record Entry(long LedgerPosition, long TargetVersion, LocalDate Today, ZoneProgress Answer);

    private readonly ConcurrentDictionary<(string Zone, int Year), Entry> answers = new();

    /// <summary>
    /// What the cached answer depends on, in one round trip: how far the capital ledger projection has applied the log
    /// (its progression row, Marten's table) and the version of the zone's target for the year (0 when none is set).
    /// </summary>
    public static async Task<Dependency> Dependencies(IQuerySession session, Guid targetId, CancellationToken ct) =>
        (await session.AdvancedSql.QueryAsync<Dependency>($"""
            select json_build_object(
                'ledgerPosition', coalesce((select max(last_seq_id) from {EventStore.Schema}.mt_event_progression where name like 'CertificateLedger:%'), 0),
                'targetVersion', coalesce((select (data ->> 'version')::bigint from {EventStore.Schema}.mt_doc_zonetarget where id = ?), 0))
            """, ct, targetId))[0];

    public sealed record Dependency(long LedgerPosition, long TargetVersion);

    public ZoneProgress? Find(string zone, int year, long ledgerPosition, long targetVersion, LocalDate today) =>
        answers.TryGetValue((zone, year), out var entry) && entry.LedgerPosition == ledgerPosition && entry.TargetVersion == targetVersion && entry.Today == today
            ? entry.Answer
            : null;

    public void Keep(string zone, int year, long ledgerPosition, long targetVersion, LocalDate today, ZoneProgress answer) =>
        answers[(zone, year)] = new Entry(ledgerPosition, targetVersion, today, answer);
}
