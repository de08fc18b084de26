using Investment.Domain.Common;
using Investment.Domain.Leads;

namespace Investment.Api.Leads;

/// <summary>
/// A process-local copy of what each zone's pipeline counts, one small row per lead (issue 18: a zone of 50,000 leads was
/// counted by PostgreSQL at each request, 0.6–0.8 s): from <see cref="PipelineEntry"/>'s columns its stage, furthest stage,
/// estimate, completed stays and loss; from <see cref="LeadDetails"/> its owner and first contact day. An answer filters
/// the rows by opening day and counts them, then the domain's rules say what the counts mean, as before.
/// <para>
/// Where correctness comes from (as in the reports' ZoneFacts): the copy holds the documents PostgreSQL holds at
/// (or after) the pipeline projection's position, which the answer reports as its freshness. The projection writes its
/// documents and its position in one transaction, and the events up to it are committed with their inline documents; a
/// document changes only when an event of its stream is applied. So refreshing from a kept position to a newer one reads
/// again exactly the leads whose streams have an event between the two. A position lower than the kept one (a rebuild
/// under way) or another first event (the store was reset) drops the zone's copy, which is then read whole again.
/// </para>
/// </summary>
public sealed class ZonePipelines
{
    /// <summary>
    /// A lead as the pipeline counts it; <see cref="Entry"/> is null while the asynchronous entry is not yet stored.
    /// <see cref="AnsweredIn"/> is the working days from opening to the first contact (<see cref="WorkingDays.Between"/>), null while unanswered.
    /// </summary>
    public sealed record Row(Guid Id, Counted? Entry, LocalDate? OpenedOn, string? Owner, int? AnsweredIn);

    /// <summary>The entry's columns.</summary>
    public sealed record Counted(LocalDate OpenedOn, LeadStage Stage, LeadStage Furthest, decimal EstimateUsd, int[] LeftStages, int[] LeftDays, LeadLoss? Loss);

    /// <summary>
    /// A zone's rows: the entries' part current to the pipeline projection's <see cref="Position"/>, the leads' part (inline,
    /// always current, as the leads themselves) to the last event recorded, <see cref="Head"/>. Never changed once
    /// published: requests count over it while a refresh builds the next one.
    /// </summary>
    public sealed record Copy(string? Epoch, long Position, long Head, IReadOnlyDictionary<Guid, Row> Leads);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Copy> zones = new();
    private readonly SemaphoreSlim[] refreshing = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// The zone's rows, at least as current as <paramref name="position"/> (the pipeline projection's, read before this call)
    /// and the leads as they are now; null while the zone has entries stored before their columns were kept (until
    /// rebuild-projections): the answer then counts the documents, as before.
    /// </summary>
    /// <remarks>
    /// The leads' part is read again, at each refresh, for every stream with an event after the kept projection position
    /// (not the kept head): every event up to that position was committed before it was read, while an event numbered
    /// below the head may still be committing. So each refresh sees every lead change committed before it, as a read of the
    /// leads would.
    /// </remarks>
    public async Task<Copy?> Of(IQuerySession session, string zone, long position, CancellationToken ct)
    {
        var (epoch, withoutColumns, head) = await State(session, zone, ct);
        if (withoutColumns) return null;
        if (zones.TryGetValue(zone, out var kept) && Covers(kept, epoch, position, head)) return kept;
        var gate = refreshing[(uint)zone.GetHashCode() % (uint)refreshing.Length];
        await gate.WaitAsync(ct);
        try
        {
            kept = zones.GetValueOrDefault(zone);
            if (kept is not null && Covers(kept, epoch, position, head)) return kept;
            if (kept is not null && kept.Epoch == epoch && position < kept.Position)
            {
                // Behind the kept copy: a reader that read its position before another refreshed, or a rebuild under way.
                var again = await Position(session, ct);
                if (again < kept.Position) kept = null;
                else position = again;
            }
            if (kept is not null && kept.Epoch != epoch) kept = null;
            if (kept is not null) head = Math.Max(head, kept.Head); // read before another refreshed: events are never removed
            var from = kept?.Position ?? -1;
            var (entries, leads) = await Read(session, zone, from, position, head, ct);
            var next = kept is null ? new Dictionary<Guid, Row>() : new Dictionary<Guid, Row>(kept.Leads);
            foreach (var (id, entry) in entries)
                next[id] = next.TryGetValue(id, out var row) ? row with { Entry = entry } : new Row(id, entry, null, null, null);
            foreach (var lead in leads)
                next[lead.Id] = next.TryGetValue(lead.Id, out var row) ? lead with { Entry = row.Entry } : lead;
            var copy = new Copy(epoch, Math.Max(position, from), head, next);
            zones[zone] = copy;
            return copy;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Nothing to read again: the same store, the same projection position, no event recorded since.</summary>
    private static bool Covers(Copy kept, string? epoch, long position, long head) =>
        kept.Epoch == epoch && kept.Position == position && kept.Head == head && position >= head;

    /// <summary>The counts of the leads opened in the period, as PostgreSQL counted them before (same groups, same sums).</summary>
    public static PipelineCounts Counts(Copy copy, LocalDate from, LocalDate to)
    {
        var stages = new Dictionary<(LeadStage, LeadStage), (int Leads, decimal Usd)>();
        var stays = new Dictionary<(int Stage, int Days), int>();
        var losses = new Dictionary<LeadLoss, (int Leads, decimal Usd)>();
        (int Leads, decimal Usd) unrecorded = (0, 0m);
        foreach (var row in copy.Leads.Values)
        {
            if (row.Entry is not { } e || e.OpenedOn < from || e.OpenedOn > to) continue;
            var key = (e.Stage, e.Furthest);
            var s = stages.GetValueOrDefault(key);
            stages[key] = (s.Leads + 1, s.Usd + e.EstimateUsd);
            for (var i = 0; i < e.LeftStages.Length; i++)
            {
                var stay = (e.LeftStages[i], e.LeftDays[i]);
                stays[stay] = stays.GetValueOrDefault(stay) + 1;
            }
            if (e.Stage != LeadStage.Lost) continue;
            if (e.Loss is { } loss)
            {
                var l = losses.GetValueOrDefault(loss);
                losses[loss] = (l.Leads + 1, l.Usd + e.EstimateUsd);
            }
            else unrecorded = (unrecorded.Leads + 1, unrecorded.Usd + e.EstimateUsd);
        }
        return new PipelineCounts(
            [.. stages.Select(s => new StageCount(s.Key.Item1, s.Key.Item2, s.Value.Leads, s.Value.Usd))],
            [.. stays.Select(s => new StayCount((LeadStage)s.Key.Stage, s.Key.Days, s.Value))],
            [.. losses.Select(l => new LossCount(l.Key, l.Value.Leads, l.Value.Usd)),
                .. unrecorded.Leads > 0 ? [new LossCount(null, unrecorded.Leads, unrecorded.Usd)] : Array.Empty<LossCount>()]);
    }

    /// <summary>
    /// The response counts of the leads opened in the period: the answered ones by owner and working days to answer, the
    /// others by owner and opening day (what decides whether they are overdue). An answered group's OpenedOn is its
    /// earliest opening day: <see cref="ResponseFigures.Count"/> reads the opening day of unanswered leads only.
    /// </summary>
    public static IReadOnlyList<ResponseCount> Responses(Copy copy, LocalDate from, LocalDate to)
    {
        var answered = new Dictionary<(string? Owner, int Days), (LocalDate Opened, int Leads)>();
        var unanswered = new Dictionary<(string? Owner, LocalDate Opened), int>();
        foreach (var row in copy.Leads.Values)
        {
            if (row.OpenedOn is not { } opened || opened < from || opened > to) continue;
            if (row.AnsweredIn is { } days)
            {
                var key = (row.Owner, days);
                answered[key] = answered.TryGetValue(key, out var a) ? (a.Opened < opened ? a.Opened : opened, a.Leads + 1) : (opened, 1);
            }
            else
            {
                var key = (row.Owner, opened);
                unanswered[key] = unanswered.GetValueOrDefault(key) + 1;
            }
        }
        return [.. answered.Select(a => new ResponseCount(a.Key.Owner, a.Key.Days, a.Value.Opened, a.Value.Leads)),
            .. unanswered.Select(u => new ResponseCount(u.Key.Owner, null, u.Key.Opened, u.Value))];
    }

    /// <summary>
    /// The store's first event (another one: the store was reset), whether the zone has entries without their columns (the
    /// index on opened_date finds them), and the last event recorded.
    /// </summary>
    private static async Task<(string? Epoch, bool WithoutColumns, long Head)> State(IQuerySession session, string zone, CancellationToken ct)
    {
        await using var command = new Npgsql.NpgsqlCommand($"""
            select (select id::text from {EventStoreSetup.Schema}.mt_events order by seq_id limit 1),
                exists (select 1 from {EventStoreSetup.Schema}.mt_doc_pipelineentry where opened_date is null and zone_code = @zone),
                coalesce((select max(seq_id) from {EventStoreSetup.Schema}.mt_events), 0)
            """);
        command.Parameters.AddWithValue("zone", zone);
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        await reader.ReadAsync(ct);
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2));
    }

    private static async Task<long> Position(IQuerySession session, CancellationToken ct) =>
        (await ProjectionFreshness.Wait(session, new FreshnessOptions { MaxWaitMilliseconds = 0 }, null, ct, nameof(PipelineEntry))).CurrentToPosition;

    /// <summary>
    /// The zone's entries whose streams have an event after <paramref name="from"/> up to <paramref name="position"/>, and its
    /// leads whose streams have one after <paramref name="from"/> up to <paramref name="head"/>; all of them when none was read (-1).
    /// </summary>
    private static async Task<(IReadOnlyList<(Guid Id, Counted Entry)> Entries, IReadOnlyList<Row> Leads)> Read(
        IQuerySession session, string zone, long from, long position, long head, CancellationToken ct)
    {
        string Changed(string to) => from < 0 ? "" : $"and id in (select stream_id from {EventStoreSetup.Schema}.mt_events where seq_id > @from and seq_id <= {to})";
        var readEntries = from < 0 || position > from;
        var readLeads = from < 0 || head > from;
        if (!readEntries && !readLeads) return ([], []);
        await using var command = new Npgsql.NpgsqlCommand(
            (readEntries ? $$"""
                select id, opened_date, stage_order, furthest_order, estimate_usd, left_stages, left_days,
                    data #>> '{loss,reason}', data #>> '{loss,reasonRecorded}', data #>> '{loss,lostToCountry}', data #>> '{loss,lostToZone}'
                from {{EventStoreSetup.Schema}}.mt_doc_pipelineentry where zone_code = @zone {{Changed("@position")}};
                """ : "")
            + (readLeads ? $$"""
                select id, data #>> '{lead,owner}', (data #>> '{lead,openedOn}')::date,
                    ((data #>> '{lead,firstContactAt}')::timestamptz at time zone '{{VietnamCalendar.Zone.Id}}')::date
                from {{EventStoreSetup.Schema}}.mt_doc_leaddetails where data -> 'lead' ->> 'zoneCode' = @zone {{Changed("@head")}};
                """ : ""));
        command.Parameters.AddWithValue("zone", zone);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("position", position);
        command.Parameters.AddWithValue("head", head);
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        var entries = new List<(Guid, Counted)>();
        if (readEntries)
        {
            while (await reader.ReadAsync(ct))
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                if (reader.IsDBNull(1)) continue; // stored before its columns: Of answers null for the zone until it is stored again
                var stage = (LeadStage)reader.GetInt32(2);
                var loss = stage == LeadStage.Lost && Text(7) is { } reason
                    ? new LeadLoss(Enum.Parse<LossReason>(reason, ignoreCase: true), Text(8) == "true", Text(9), Text(10))
                    : null;
                entries.Add((reader.GetGuid(0), new Counted(LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)), stage,
                    (LeadStage)reader.GetInt32(3), reader.GetDecimal(4), reader.GetFieldValue<int[]>(5), reader.GetFieldValue<int[]>(6), loss)));
            }
            await reader.NextResultAsync(ct);
        }
        var rows = new List<Row>();
        if (!readLeads) return (entries, rows);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal); // one string per officer, not one per lead
        while (await reader.ReadAsync(ct))
        {
            var owner = reader.IsDBNull(1) ? null : reader.GetString(1);
            if (owner is not null) owner = owners.TryGetValue(owner, out var known) ? known : owners[owner] = owner;
            LocalDate? opened = reader.IsDBNull(2) ? null : LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(2));
            int? answeredIn = opened is { } o && !reader.IsDBNull(3) ? WorkingDays.Between(o, LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(3))) : null;
            rows.Add(new Row(reader.GetGuid(0), null, opened, owner, answeredIn));
        }
        return (entries, rows);
    }
}
