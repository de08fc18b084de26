using System.Collections.Concurrent;

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

    public static async Task<long> LedgerPosition(IDocumentStore store, CancellationToken ct) =>
        (await store.Advanced.AllProjectionProgress(token: ct))
            .Where(s => s.ShardName.StartsWith("CertificateLedger", StringComparison.Ordinal)).Select(s => s.Sequence).DefaultIfEmpty(0).Max();

    public ZoneProgress? Find(string zone, int year, long ledgerPosition, long targetVersion, LocalDate today) =>
        answers.TryGetValue((zone, year), out var entry) && entry.LedgerPosition == ledgerPosition && entry.TargetVersion == targetVersion && entry.Today == today
            ? entry.Answer
            : null;

    public void Keep(string zone, int year, long ledgerPosition, long targetVersion, LocalDate today, ZoneProgress answer) =>
        answers[(zone, year)] = new Entry(ledgerPosition, targetVersion, today, answer);
}
