using Investment.Domain.Common;
using Investment.Domain.Leads;
using Investment.Domain.Zones;
using Marten.Linq.MatchesSql;

namespace Investment.Api.Leads;

/// <summary>The funnel of a zone for the leads opened in a period. No names, no people: partners may read it.</summary>
public sealed record ZonePipeline(
    string ZoneCode, LocalDate OpenedFrom, LocalDate OpenedTo, int Leads, int Lost, decimal LostEstimatedCapitalUsd, IReadOnlyList<StageFigures> Stages);

public static class GetZonePipeline
{
    /// <param name="openedFrom">First opening date counted (default 1 January of this year in Vietnam).</param>
    /// <param name="openedTo">Last opening date counted (default today in Vietnam).</param>
    public static async Task<Results<Ok<ZonePipeline>, ProblemHttpResult>> Handle(
        string code, string? openedFrom, string? openedTo, IQuerySession session, IClock clock, CancellationToken ct)
    {
        if (QueryValues.Date(openedFrom, "openedFrom", out var from) is { } badFrom) return badFrom;
        if (QueryValues.Date(openedTo, "openedTo", out var to) is { } badTo) return badTo;
        var today = VietnamCalendar.Today(clock.GetCurrentInstant());
        var period = (From: from ?? new LocalDate(today.Year, 1, 1), To: to ?? today);
        if (period.To < period.From) return Problems.BadRequest("request.invalid_period", "openedTo is before openedFrom.");
        if (await session.LoadAsync<Zones.ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null)
            return Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'.");

        var entries = await session.Query<PipelineEntry>()
            .Where(x => x.ZoneCode == code)
            .Where(x => x.MatchesSql("data ->> 'openedOn' between ? and ?", QueryValues.Iso(period.From), QueryValues.Iso(period.To)))
            .ToListAsync(ct);
        var figures = Pipeline.Summarise([.. entries.Select(e => e.ToPipelineLead())]);
        return TypedResults.Ok(new ZonePipeline(code, period.From, period.To, figures.Leads, figures.Lost, figures.LostEstimatedCapitalUsd, figures.Stages));
    }
}
