using Investment.Domain.Common;
using Investment.Domain.Leads;
using Investment.Domain.Zones;
using Marten.Linq.MatchesSql;

namespace Investment.Api.Leads;

/// <summary>
/// The funnel of a zone for the leads opened in a period. No names, no people: partners may read it; officers and admins
/// also get the response time per officer (responseByOfficer, null for partners).
/// </summary>
/// <param name="LostBy">The lost leads by reason and by the country or zone they were lost to.</param>
/// <param name="ResponseTime">Working days from opening to first contact, against the zone's service standard now in force (standardWorkingDays; 2 until an admin sets the zone's own).</param>
/// <param name="ResponseByOfficer">The same per lead owner: officers and admins only, null for partners.</param>
/// <param name="Freshness">The event position the stages and losses are current to (they come from an asynchronous projection).</param>
public sealed record ZonePipeline(
    string ZoneCode, LocalDate OpenedFrom, LocalDate OpenedTo, int Leads, int Lost, decimal LostEstimatedCapitalUsd, IReadOnlyList<StageFigures> Stages,
    LostFigures LostBy, ResponseFigures ResponseTime, IReadOnlyList<OfficerResponse>? ResponseByOfficer, Freshness Freshness);

public static class GetZonePipeline
{
    /// <param name="openedFrom">First opening date counted (default 1 January of this year in Vietnam).</param>
    /// <param name="openedTo">Last opening date counted (default today in Vietnam).</param>
    /// <param name="minPosition">Read your write: the Event-Position a write answered; the read waits (a few seconds at most) for it, else answers stale.</param>
    public static async Task<Results<Ok<ZonePipeline>, ProblemHttpResult>> Handle(
        string code, string? openedFrom, string? openedTo, string? minPosition, IQuerySession session, IClock clock, ClaimsPrincipal user,
        FreshnessOptions freshnessOptions, HttpContext http, CancellationToken ct)
    {
        if (QueryValues.Date(openedFrom, "openedFrom", out var from) is { } badFrom) return badFrom;
        if (QueryValues.Date(openedTo, "openedTo", out var to) is { } badTo) return badTo;
        if (ProjectionFreshness.Parse(minPosition, out var position) is { } badPosition) return badPosition;
        var today = VietnamCalendar.Today(clock.GetCurrentInstant());
        var period = (From: from ?? new LocalDate(today.Year, 1, 1), To: to ?? today);
        if (period.To < period.From) return Problems.BadRequest("request.invalid_period", "openedTo is before openedFrom.");
        if (await session.LoadAsync<Zones.ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null)
            return Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'.");

        var freshness = (await ProjectionFreshness.Wait(session, freshnessOptions, position, ct, nameof(PipelineEntry))).On(http);
        var (counts, responses) = await Count(session, code, period.From, period.To, ct)
            ?? await Load(session, code, QueryValues.Iso(period.From), QueryValues.Iso(period.To), ct);
        var figures = Pipeline.Summarise(counts);
        // The zone's service standard as known now: the pipeline answers for today, with everything recorded.
        var standard = Forecasts.GetServiceStandard.Of((await Forecasts.ZoneSettings.Load(session, code, ct)).Stored, code).WorkingDays;
        return TypedResults.Ok(new ZonePipeline(code, period.From, period.To, figures.Leads, figures.Lost, figures.LostEstimatedCapitalUsd, figures.Stages,
            figures.LostBy, ResponseFigures.Count(responses, standard, today),
            user.SeesPersonalData() ? OfficerResponse.PerOfficer(responses, standard, today) : null, freshness));
    }

    /// <summary>
    /// The zone's leads opened in the period, counted by PostgreSQL in one round trip (issue 18: a zone of 50,000 leads is
    /// not loaded): by stage and furthest stage, completed stays by stage and length, lost leads by loss (from the
    /// pipeline's columns, <see cref="PipelineEntry"/>); and, from the leads themselves (inline, always current: their
    /// owner is personal data the pipeline's read model does not hold), by owner, opening day and first contact day in
    /// Vietnam. The domain's rules then say what the counts mean.
    /// </summary>
    private static async Task<(PipelineCounts Counts, IReadOnlyList<ResponseCount> Responses)?> Count(
        IQuerySession session, string zone, LocalDate from, LocalDate to, CancellationToken ct)
    {
        const string entries = EventStoreSetup.Schema + ".mt_doc_pipelineentry";
        const string opened = "zone_code = @zone and opened_date between @from and @to";
        await using var command = new Npgsql.NpgsqlCommand($$"""
            select count(*)::int from {{entries}} where zone_code = @zone and opened_date is null;
            select stage_order, furthest_order, count(*)::int, sum(estimate_usd) from {{entries}} where {{opened}} group by 1, 2;
            select s.stage, s.days, count(*)::int from {{entries}} p, unnest(p.left_stages, p.left_days) as s(stage, days) where {{opened}} group by 1, 2;
            select data #>> '{loss,reason}', data #>> '{loss,reasonRecorded}', data #>> '{loss,lostToCountry}', data #>> '{loss,lostToZone}',
                count(*)::int, sum(estimate_usd) from {{entries}} where {{opened}} and stage_order = {{(int)LeadStage.Lost}} group by 1, 2, 3, 4;
            select data #>> '{lead,owner}', (data #>> '{lead,openedOn}')::date,
                ((data #>> '{lead,firstContactAt}')::timestamptz at time zone '{{VietnamCalendar.Zone.Id}}')::date, count(*)::int
            from {{EventStoreSetup.Schema}}.mt_doc_leaddetails
            where data -> 'lead' ->> 'zoneCode' = @zone and data #>> '{lead,openedOn}' between @fromText and @toText group by 1, 2, 3;
            """);
        command.Parameters.AddWithValue("zone", zone);
        command.Parameters.AddWithValue("from", new DateOnly(from.Year, from.Month, from.Day));
        command.Parameters.AddWithValue("to", new DateOnly(to.Year, to.Month, to.Day));
        command.Parameters.AddWithValue("fromText", QueryValues.Iso(from));
        command.Parameters.AddWithValue("toText", QueryValues.Iso(to));
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        await reader.ReadAsync(ct);
        if (reader.GetInt32(0) > 0) return null; // entries stored before their columns were kept, until rebuild-projections
        await reader.NextResultAsync(ct);
        var stages = new List<StageCount>();
        while (await reader.ReadAsync(ct))
            stages.Add(new StageCount((LeadStage)reader.GetInt32(0), (LeadStage)reader.GetInt32(1), reader.GetInt32(2), reader.GetDecimal(3)));
        await reader.NextResultAsync(ct);
        var stays = new List<StayCount>();
        while (await reader.ReadAsync(ct)) stays.Add(new StayCount((LeadStage)reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        await reader.NextResultAsync(ct);
        var losses = new List<LossCount>();
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var loss = Text(0) is { } reason
                ? new LeadLoss(Enum.Parse<LossReason>(reason, ignoreCase: true), Text(1) == "true", Text(2), Text(3))
                : null;
            losses.Add(new LossCount(loss, reader.GetInt32(4), reader.GetDecimal(5)));
        }
        await reader.NextResultAsync(ct);
        var responses = new List<ResponseCount>();
        while (await reader.ReadAsync(ct))
        {
            var openedOn = LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1));
            int? answered = reader.IsDBNull(2) ? null : WorkingDays.Between(openedOn, LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(2)));
            responses.Add(new ResponseCount(reader.IsDBNull(0) ? null : reader.GetString(0), answered, openedOn, reader.GetInt32(3)));
        }
        return (new PipelineCounts(stages, stays, losses), responses);
    }
    /// <summary>The same counts from the documents themselves, while entries stored before their columns were kept remain.</summary>
    private static async Task<(PipelineCounts Counts, IReadOnlyList<ResponseCount> Responses)> Load(
        IQuerySession session, string zone, string from, string to, CancellationToken ct)
    {
        var entries = await session.Query<PipelineEntry>()
            .Where(x => x.ZoneCode == zone)
            .Where(x => x.MatchesSql("data ->> 'openedOn' between ? and ?", from, to))
            .ToListAsync(ct);
        var leads = await session.Query<LeadDetails>()
            .Where(x => x.Lead.ZoneCode == zone)
            .Where(x => x.MatchesSql("data -> 'lead' ->> 'openedOn' between ? and ?", from, to))
            .Select(x => new { x.Lead.OpenedOn, x.Lead.FirstContactAt, x.Lead.Owner })
            .ToListAsync(ct);
        return (PipelineCounts.Of([.. entries.Select(e => e.ToPipelineLead())]),
            [.. leads.Select(r => ResponseCount.Of(new ResponseLead(r.OpenedOn, r.FirstContactAt is { } at ? VietnamCalendar.Today(at) : null, r.Owner)))]);
    }
}
