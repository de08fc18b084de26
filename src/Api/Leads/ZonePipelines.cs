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
    /// <summary>A lead as the pipeline counts it; <see cref="Entry"/> is null while the asynchronous entry is not yet stored.</summary>
    public sealed record Row(Guid Id, Counted? Entry, LocalDate? OpenedOn, string? Owner, LocalDate? FirstContactOn);

    /// <summary>The entry's columns.</summary>
    public sealed record Counted(LocalDate OpenedOn, LeadStage Stage, LeadStage Furthest, decimal EstimateUsd, int[] LeftStages, int[] LeftDays, LeadLoss? Loss);

    /// <summary>A zone's rows as current to the position. Never changed once published: requests count over it while a refresh builds the next one.</summary>
    public sealed record Copy(string? Epoch, long Position, IReadOnlyDictionary<Guid, Row> Leads);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Copy> zones = new();
    private readonly SemaphoreSlim[] refreshing = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// The zone's rows, at least as current as <paramref name="position"/> (the pipeline projection's, read before this call);
    /// null while the zone has entries stored before their columns were kept (until rebuild-projections): the answer then
    /// counts the documents, as before.
    /// </summary>
    public async Task<Copy?> Of(IQuerySession session, string zone, long position, CancellationToken ct)
    {
        var (epoch, withoutColumns) = await Epoch(session, zone, ct);
        if (withoutColumns) return null;
        if (zones.TryGetValue(zone, out var kept) && kept.Epoch == epoch && kept.Position == position) return kept;
        var gate = refreshing[(uint)zone.GetHashCode() % (uint)refreshing.Length];
        await gate.WaitAsync(ct);
        try
        {
            kept = zones.GetValueOrDefault(zone);
            if (kept is not null && kept.Epoch == epoch && kept.Position >= position)
            {
                if (kept.Position == position) return kept;
                // Behind the kept copy: a reader that read its position before another refreshed, or a rebuild under way.
                var again = await Position(session, ct);
                if (again >= kept.Position) return kept;
                kept = null;
            }
            if (kept is not null && kept.Epoch != epoch) kept = null;
            var changed = await Read(session, zone, kept?.Position ?? -1, position, ct);
            var next = kept is null ? new Dictionary<Guid, Row>() : new Dictionary<Guid, Row>(kept.Leads);
            foreach (var row in changed) next[row.Id] = row;
            var copy = new Copy(epoch, position, next);
            zones[zone] = copy;
            return copy;
        }
        finally
        {
            gate.Release();
        }
    }

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

    /// <summary>The response counts of the leads opened in the period (by owner, opening day and first contact day, as before).</summary>
    public static IReadOnlyList<ResponseCount> Responses(Copy copy, LocalDate from, LocalDate to)
    {
        var counted = new Dictionary<(string? Owner, LocalDate Opened, LocalDate? First), int>();
        foreach (var row in copy.Leads.Values)
        {
            if (row.OpenedOn is not { } opened || opened < from || opened > to) continue;
            var key = (row.Owner, opened, row.FirstContactOn);
            counted[key] = counted.GetValueOrDefault(key) + 1;
        }
        return [.. counted.Select(c => new ResponseCount(c.Key.Owner, c.Key.First is { } first ? WorkingDays.Between(c.Key.Opened, first) : null, c.Key.Opened, c.Value))];
    }

    /// <summary>The store's first event (another one: the store was reset), and whether the zone has entries without their columns (the index on opened_date finds them).</summary>
    private static async Task<(string? Epoch, bool WithoutColumns)> Epoch(IQuerySession session, string zone, CancellationToken ct)
    {
        await using var command = new Npgsql.NpgsqlCommand($"""
            select (select id::text from {EventStoreSetup.Schema}.mt_events order by seq_id limit 1),
                exists (select 1 from {EventStoreSetup.Schema}.mt_doc_pipelineentry where opened_date is null and zone_code = @zone)
            """);
        command.Parameters.AddWithValue("zone", zone);
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        await reader.ReadAsync(ct);
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetBoolean(1));
    }

    private static async Task<long> Position(IQuerySession session, CancellationToken ct) =>
        (await ProjectionFreshness.Wait(session, new FreshnessOptions { MaxWaitMilliseconds = 0 }, null, ct, nameof(PipelineEntry))).CurrentToPosition;

    /// <summary>The zone's leads whose streams have an event after <paramref name="from"/> up to <paramref name="to"/>; all of them when none was read (-1).</summary>
    private static async Task<IReadOnlyList<Row>> Read(IQuerySession session, string zone, long from, long to, CancellationToken ct)
    {
        if (from >= 0 && to <= from) return [];
        var changed = from < 0 ? "" : $"and id in (select stream_id from {EventStoreSetup.Schema}.mt_events where seq_id > @from and seq_id <= @to)";
        await using var command = new Npgsql.NpgsqlCommand($$"""
            select id, opened_date, stage_order, furthest_order, estimate_usd, left_stages, left_days,
                data #>> '{loss,reason}', data #>> '{loss,reasonRecorded}', data #>> '{loss,lostToCountry}', data #>> '{loss,lostToZone}'
            from {{EventStoreSetup.Schema}}.mt_doc_pipelineentry where zone_code = @zone {{changed}};
            select id, data #>> '{lead,owner}', (data #>> '{lead,openedOn}')::date,
                ((data #>> '{lead,firstContactAt}')::timestamptz at time zone '{{VietnamCalendar.Zone.Id}}')::date
            from {{EventStoreSetup.Schema}}.mt_doc_leaddetails where data -> 'lead' ->> 'zoneCode' = @zone {{changed}};
            """);
        command.Parameters.AddWithValue("zone", zone);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        var entries = new Dictionary<Guid, Counted>();
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var stage = (LeadStage)reader.GetInt32(2);
            var loss = stage == LeadStage.Lost && Text(7) is { } reason
                ? new LeadLoss(Enum.Parse<LossReason>(reason, ignoreCase: true), Text(8) == "true", Text(9), Text(10))
                : null;
            if (reader.IsDBNull(1)) continue; // stored before its columns: Of answers null for the zone until it is stored again
            entries[reader.GetGuid(0)] = new Counted(LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)), stage,
                (LeadStage)reader.GetInt32(3), reader.GetDecimal(4), reader.GetFieldValue<int[]>(5), reader.GetFieldValue<int[]>(6), loss);
        }
        await reader.NextResultAsync(ct);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal); // one string per officer, not one per lead
        var rows = new List<Row>();
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var owner = reader.IsDBNull(1) ? null : reader.GetString(1);
            if (owner is not null) owner = owners.TryGetValue(owner, out var known) ? known : owners[owner] = owner;
            rows.Add(new Row(id, entries.Remove(id, out var entry) ? entry : null, reader.IsDBNull(2) ? null : LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(2)),
                owner, reader.IsDBNull(3) ? null : LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(3))));
        }
        rows.AddRange(entries.Select(e => new Row(e.Key, e.Value, null, null, null))); // an entry whose lead is not in the zone's details
        return rows;
    }
}
