using Investment.Domain.Certificates;
using Investment.Domain.Leads;
using Investment.Domain.Reports;
using Marten.Events;

namespace Investment.Api.Reports;

/// <summary>
/// A process-local copy of each zone's capital ledgers and lead activity logs, the read models every figure of the
/// zone is computed from (issue 18). An answer "as known on" a date needs every ledger of the zone issued by the year's
/// end, because realised capital and jobs are cumulative: loading them from PostgreSQL at each request cost 50–190 ms.
/// With the copy, a request filters in memory by recording time and calls the domain's pure functions; PostgreSQL is
/// read only for what changed since.
/// <para>
/// The ledgers and logs are folded here from their streams' events (<see cref="CertificateLedgers.Fold"/>,
/// <see cref="LeadActivityLog.Fold"/>), not stored by the async daemon: as its documents, each contact rewrote the
/// lead's whole log and each certificate inserted a ledger, on the cores the writes share (issue 18).
/// </para>
/// <para>
/// Where correctness comes from: the copy holds exactly the folds of the zone's events up to the positions read in
/// <see cref="ProgressCache.Dependencies"/>, the daemon's high-water mark
/// (<see cref="EventStore.ProjectionFreshness.EventsPosition"/>), up to which every event is committed: a range read
/// once is never added to later. So folding on from a kept position to a newer one reads exactly the events between
/// the two (the log's primary key on the sequence serves it), whatever their business dates or recording times: a late
/// or back-dated entry (an import's RecordedAt in the past) is an event with a new sequence like any other. Another
/// first event (the store was reset) drops the zone's copy, which is then folded whole again. Each instance keeps its
/// own copy, current to what it read from the shared database.
/// </para>
/// </summary>
public sealed class ZoneFacts
{
    /// <summary>
    /// A zone's documents as current to the positions (-1: not loaded; the lead logs are loaded only by the answers that
    /// count leads). Never changed once published: requests compute over it while a refresh builds the next one.
    /// </summary>
    public sealed record Copy(
        string? Epoch, long LedgerPosition, IReadOnlyDictionary<Guid, CertificateLedger> Ledgers, long LeadPosition, IReadOnlyDictionary<Guid, LeadActivityLog> Leads)
    {
        public static Copy Empty(string? epoch) => new(epoch, -1, new Dictionary<Guid, CertificateLedger>(), -1, new Dictionary<Guid, LeadActivityLog>());

        /// <summary>
        /// Current to the positions read, from the same store. Exactly: a lower position than the kept one may be a rebuild
        /// under way, which <see cref="Of"/> tells apart from a reader that read it before another refreshed.
        /// </summary>
        public bool Covers(ProgressCache.Dependency depends, bool withLeads) =>
            Epoch == depends.Epoch && LedgerPosition == depends.Position && (!withLeads || LeadPosition == depends.Position);

        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, LedgerYear> ledgerYears = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, LeadYear> leadYears = new();

        /// <summary>The ledgers a year's figures read, selected once per copy rather than at each request (issue 18).</summary>
        public LedgerYear LedgersOf(int year) => ledgerYears.GetOrAdd(year, y => LedgerYear.Of(Ledgers.Values, y));

        /// <summary>The lead logs a year's figures read (loaded with the leads only), selected and indexed once per copy.</summary>
        public LeadYear LeadsOf(int year) => leadYears.GetOrAdd(year, y => LeadYear.Of(Leads.Values, y));
    }

    /// <summary>
    /// Every certificate issued by the year's end (realised capital and jobs are cumulative; a ledger stored before
    /// IssuedYear was added has none, and its movements in the year still find it), with its movements and implementation
    /// facts, in the copy's order.
    /// </summary>
    public sealed record LedgerYear(IReadOnlyList<CapitalMovement> Movements, IReadOnlyList<ImplementationFacts> Implementation)
    {
        public static LedgerYear Of(IEnumerable<CertificateLedger> ledgers, int year)
        {
            var selected = ledgers.Where(x => x.Years.Contains(year) || x.IssuedYear <= year).ToList();
            return new([.. selected.SelectMany(l => l.Movements)], [.. selected.Select(l => l.Implementation())]);
        }
    }

    /// <summary>
    /// The lead logs with a fact dated in the year or the year before, each indexed by recording time once, so that the
    /// facts known at an instant are found without a pass over each lead's history: a log whose facts were recorded in
    /// the order they were applied (every log but one an import wrote into the past) knows at an instant a prefix of
    /// its facts, found by binary search; a log with nothing recorded by then is left out. Every computation over the
    /// logs keeps only the facts recorded before its instant and drops a lead with none, so the answer is the same as
    /// over the whole logs.
    /// </summary>
    public sealed class LeadYear
    {
        private readonly (LeadFact[] Facts, Instant First, bool InRecordingOrder)[] logs;

        private LeadYear((LeadFact[] Facts, Instant First, bool InRecordingOrder)[] logs) => this.logs = logs;

        public static LeadYear Of(IEnumerable<LeadActivityLog> leads, int year) =>
            new([.. leads.Where(x => x.Years.Contains(year) || x.Years.Contains(year - 1)).Select(x => x.Facts.ToArray()).Where(f => f.Length > 0)
                .Select(f => (f, f.Min(x => x.RecordedAt), f.Zip(f.Skip(1)).All(p => p.First.RecordedAt <= p.Second.RecordedAt)))]);

        /// <summary>Each lead's facts recorded before <paramref name="knownAt"/> (all of a log not in recording order), in the logs' order.</summary>
        public IReadOnlyList<IReadOnlyList<LeadFact>> KnownAt(Instant knownAt)
        {
            var known = new List<IReadOnlyList<LeadFact>>(logs.Length);
            foreach (var (facts, first, ordered) in logs)
            {
                if (first >= knownAt) continue;
                known.Add(ordered ? new ArraySegment<LeadFact>(facts, 0, Recorded(facts, knownAt)) : facts);
            }
            return known;
        }

        /// <summary>How many of the facts, in recording order, were recorded before the instant.</summary>
        private static int Recorded(LeadFact[] facts, Instant knownAt)
        {
            var (low, high) = (0, facts.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (facts[middle].RecordedAt < knownAt) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Copy> zones = new();

    /// <summary>One refresh at a time per zone (striped, like the progress cache's computations): the others wait for it and take its copy.</summary>
    private readonly SemaphoreSlim[] refreshing = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>The zone's documents, at least as current as <paramref name="depends"/> (read before this call).</summary>
    public async Task<Copy> Of(IQuerySession session, string zone, Guid targetId, ProgressCache.Dependency depends, bool withLeads, CancellationToken ct)
    {
        if (zones.TryGetValue(zone, out var kept) && kept.Covers(depends, withLeads)) return kept;
        var gate = refreshing[(uint)zone.GetHashCode() % (uint)refreshing.Length];
        await gate.WaitAsync(ct);
        try
        {
            kept = zones.GetValueOrDefault(zone) ?? Copy.Empty(depends.Epoch);
            if (kept.Covers(depends, withLeads)) return kept;
            // A position behind the kept one is a reader that read it before another refreshed (the high-water mark only
            // grows in a store): read it again to be sure (the kept copy was read after the positions it holds).
            if (kept.Epoch == depends.Epoch && (depends.Position < kept.LedgerPosition || withLeads && depends.Position < kept.LeadPosition))
            {
                depends = await ProgressCache.Dependencies(session, targetId, zone, ct);
                if (kept.Covers(depends, withLeads)) return kept;
            }
            if (kept.Epoch != depends.Epoch) kept = Copy.Empty(depends.Epoch);
            var ledgersFrom = depends.Position < kept.LedgerPosition ? -1 : kept.LedgerPosition;
            var leadsFrom = !withLeads ? kept.LeadPosition : depends.Position < kept.LeadPosition ? -1 : kept.LeadPosition;

            var ledgersNow = ledgersFrom >= 0 && depends.Position <= ledgersFrom
                ? kept.Ledgers
                : await FoldedAfter(session, ledgersFrom < 0 ? null : kept.Ledgers, ledgersFrom, depends.Position, CertificateLedgers.EventTypes,
                    async () => [.. await session.Query<Certificates.CertificateDetails>().Where(d => d.Certificate.ZoneCode == zone).Select(d => d.Id).ToListAsync(ct)],
                    e => e is CertificateIssued issued && issued.ZoneCode == zone, CertificateLedgers.Fold, ct);
            var leadsNow = !withLeads || leadsFrom >= 0 && depends.Position <= leadsFrom
                ? kept.Leads
                : await FoldedAfter(session, leadsFrom < 0 ? null : kept.Leads, leadsFrom, depends.Position, LeadActivityLog.EventTypes,
                    async () => [.. await session.Query<Leads.LeadDetails>().Where(d => d.Lead.ZoneCode == zone).Select(d => d.Id).ToListAsync(ct)],
                    e => e is LeadOpened opened && opened.ZoneCode == zone, LeadActivityLog.Fold, ct);
            var copy = new Copy(depends.Epoch, Math.Max(depends.Position, ledgersFrom), ledgersNow,
                withLeads ? Math.Max(depends.Position, leadsFrom) : kept.LeadPosition, leadsNow);
            zones[zone] = copy;
            return copy;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The zone's ledgers or lead logs folded on from the kept ones (none: folded whole) with their streams' events after
    /// <paramref name="from"/> up to <paramref name="to"/>, in the log's order; a new dictionary, the kept one stays as
    /// published. Folded whole, only the zone's streams are read (<paramref name="zoneStreams"/>: by the inline documents,
    /// which hold every stream committed); folded on, the events of the range are read and kept for the zone's streams:
    /// those already kept and those that <paramref name="opensInZone"/> within it.
    /// </summary>
    private static async Task<IReadOnlyDictionary<Guid, T>> FoldedAfter<T>(
        IQuerySession session, IReadOnlyDictionary<Guid, T>? kept, long from, long to, Type[] eventTypes, Func<Task<Guid[]>> zoneStreams,
        Func<object, bool> opensInZone, Func<T?, IEnumerable<object>, T?> fold, CancellationToken ct) where T : class
    {
        IReadOnlyList<JasperFx.Events.IEvent> events;
        if (kept is null)
        {
            var streams = await zoneStreams();
            events = streams.Length == 0 ? [] : await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId.IsOneOf(streams) && e.Sequence <= to && e.EventTypesAre(eventTypes))
                .OrderBy(e => e.Sequence).ToListAsync(ct);
        }
        else
        {
            events = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > from && e.Sequence <= to && e.EventTypesAre(eventTypes))
                .OrderBy(e => e.Sequence).ToListAsync(ct);
        }
        if (events.Count == 0 && kept is not null) return kept;
        var next = kept is null ? new Dictionary<Guid, T>() : new Dictionary<Guid, T>(kept);
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var folded = next.GetValueOrDefault(stream.Key);
            // Another zone's stream: not kept, and not opened in this zone within the range.
            if (folded is null && !opensInZone(stream.First().Data)) continue;
            if (fold(folded, stream.Select(e => e.Data)) is { } now) next[stream.Key] = now;
        }
        return next;
    }
}
