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
        FreshnessOptions freshnessOptions, ZonePipelines pipelines, HttpContext http, CancellationToken ct)
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
        // Counted from the zone's rows kept in memory, current to the position the answer reports (issue 18).
        var copy = await pipelines.Of(session, code, freshness.CurrentToPosition, ct);
        var (counts, responses) = copy is not null
            ? (ZonePipelines.Counts(copy, period.From, period.To), ZonePipelines.Responses(copy, period.From, period.To))
            : await Load(session, code, QueryValues.Iso(period.From), QueryValues.Iso(period.To), ct);
        var figures = Pipeline.Summarise(counts);
        // The zone's service standard as known now: the pipeline answers for today, with everything recorded.
        var standard = Forecasts.GetServiceStandard.Of((await Forecasts.ZoneSettings.Load(session, code, ct)).Stored, code).WorkingDays;
        return TypedResults.Ok(new ZonePipeline(code, period.From, period.To, figures.Leads, figures.Lost, figures.LostEstimatedCapitalUsd, figures.Stages,
            figures.LostBy, ResponseFigures.Count(responses, standard, today),
            user.SeesPersonalData() ? OfficerResponse.PerOfficer(responses, standard, today) : null, freshness));
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
