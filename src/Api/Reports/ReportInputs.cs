using Investment.Api.Forecasts;
using Investment.Api.Http;
using Investment.Api.Imports;
using Investment.Api.Targets;
using Investment.Domain.Forecasts;
using Investment.Domain.Leads;
using Investment.Api.Zones;
using Investment.Domain.Common;
using Investment.Domain.Reports;
using Investment.Domain.Targets;
using Investment.Domain.Zones;

namespace Investment.Api.Reports;

/// <summary>
/// What a zone's figures for a year are computed from, as known at an instant: "as known on 2014-07-05" means what the
/// store held at the end of that day in Vietnam, by the time events were recorded; without a date, everything recorded.
/// </summary>
public sealed record ReportInputs(
    string ZoneCode, int Year, LocalDate? AsOf, Instant KnownAt, LocalDate Today, TargetRange? Target,
    IReadOnlyList<CapitalMovement> Movements, IReadOnlyList<IReadOnlyList<LeadFact>> LeadFacts, IReadOnlyList<ImplementationFacts> Implementation,
    StageProbabilities Probabilities, int StandardWorkingDays,
    string? Reconstructed = null)
{
    public static async Task<(ReportInputs? Inputs, ProblemHttpResult? Problem)> Load(
        IQuerySession session, ZoneFacts facts, IClock clock, string code, int year, string? asOf, bool withLeads, CancellationToken ct,
        bool leadsOnlyWhileTheYearRuns = false, ProgressCache.Dependency? depends = null, ReportContext? context = null)
    {
        if (year is < 2000 or > 2100) return (null, Problems.BadRequest("request.invalid_year", "year must be between 2000 and 2100."));
        if (QueryValues.Date(asOf, "asOf", out var asOfDate) is { } badDate) return (null, badDate);
        context ??= await ReportContext.Read(session, code, year, ct);
        if (!context.ZoneExists) return (null, Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'."));

        var knownAt = asOfDate is { } day ? day.PlusDays(1).AtStartOfDayInZone(VietnamCalendar.Zone).ToInstant() : Instant.MaxValue;
        var today = asOfDate ?? VietnamCalendar.Today(clock.GetCurrentInstant());
        // Progress needs the leads only for the pipeline's forecast, which is 0 unless the status day lies in the year: a
        // past or future year's progress (most as-known-on questions) counts none (issue 18: each log is a lead's history).
        var countsLeads = withLeads && !(leadsOnlyWhileTheYearRuns && today.Year != year);
        // The zone's documents come from the process's copy, refreshed from what changed since (ZoneFacts says why it is exact).
        var copy = await facts.Of(session, code, TargetDecider.IdOf(code, year), depends ?? context.Depends, countsLeads, ct);
        var ledgers = copy.LedgersOf(year);
        var leads = countsLeads ? copy.LeadsOf(year).KnownAt(knownAt) : [];
        // An as-known-on answer uses the stage probabilities and the service standard (the response time's) of the zone's
        // settings as recorded by then.
        var probabilities = GetStageProbabilities.Of(context.Settings, code).KnownAt(knownAt);
        var standard = GetServiceStandard.Of(context.Settings, code).KnownAt(knownAt);
        // Targets are typed in as the decision states them; answers write every USD amount with two decimals.
        var range = context.Target?.Target.KnownAt(knownAt) is { } known ? known with { MinimumUsd = Money.Cents(known.MinimumUsd), MaximumUsd = Money.Cents(known.MaximumUsd) } : null;
        return (new ReportInputs(code, year, asOfDate, knownAt, today, range,
            ledgers.Movements, leads, ledgers.Implementation, probabilities, standard,
            asOfDate is null ? null : Reconstruction(context.FirstImport, knownAt)), null);
    }

    /// <summary>
    /// As known on a day before the first import stored anything, the figures are what the imported register supports (its
    /// known_since dates), not what the store held then: the answer says so.
    /// </summary>
    private static string? Reconstruction(ReportContext.Import? first, Instant knownAt)
    {
        if (first is not { FinishedAt: { } stored } || knownAt > stored) return null;
        var (where, on) = (GetImport.Location(first.Id), VietnamCalendar.Today(stored).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return Languages.Say(
            $"Reconstructed from imported records: the first import ({where}) stored the register on {on}; before it, facts count as known from each row's known_since (its business date when empty).",
            $"Số liệu được dựng lại từ hồ sơ nhập khẩu: lần nhập đầu tiên ({where}) đưa sổ đăng ký vào hệ thống ngày {on}; trước ngày đó, mỗi thông tin được coi là đã biết từ ngày known_since của dòng (hoặc ngày nghiệp vụ khi để trống).");
    }

    public AttractedCapital Attracted(LocalDate from, LocalDate to) =>
        AttractedCapital.Compute(Movements, ZoneCode, from, to, KnownAt, CountingRule.For(Year));

    /// <summary>The status for a day, with the pipeline's forecast of the year beside the straight line (issue 14 §2.5); outside the
    /// year the forecast counts no lead, so none is folded.</summary>
    public TargetStatus Status(decimal attractedUsd, LocalDate statusDay) =>
        TargetStatus.Evaluate(Target, attractedUsd, Year, statusDay)
            .WithPipeline(attractedUsd, PipelineForecast.Expected(statusDay.Year == Year ? LeadFact.ActiveIn(LeadFacts, Year, KnownAt) : [], Probabilities, Year, statusDay));

    public ImplementationFigures Implemented(LocalDate from, LocalDate to) => ImplementationFigures.Compute(Implementation, ZoneCode, from, to, KnownAt);
}

/// <summary>
/// What a zone's figures for a year read from PostgreSQL beside the copy of its documents, in one statement (issue 18:
/// six round trips cost more than the computation): whether the zone exists, the positions the copy must be current to
/// (<see cref="ProgressCache.Dependency"/>), how far the log goes (for the answer's freshness), the year's target, the
/// zone's settings and the first import that stored anything (for <c>reconstructed</c>). Each part is the query it
/// replaces: the documents as loaded by id, the import as the first completed one with events stored, by start.
/// </summary>
public sealed record ReportContext(bool ZoneExists, long Head, ProgressCache.Dependency Depends, ZoneTarget? Target, ZoneProbabilitySettings? Settings, ReportContext.Import? FirstImport)
{
    public sealed record Import(Guid Id, Instant? FinishedAt);

    private sealed record Row(
        bool ZoneExists, long Head, long Position, long TargetVersion, long ProbabilitiesVersion, string? Epoch,
        ZoneTarget? Target, ZoneProbabilitySettings? Settings, Import? FirstImport);

    /// <summary>The answer's freshness as <see cref="ProjectionFreshness.Wait"/> gives it without a minPosition: the events' high-water mark.</summary>
    public Freshness Freshness() => new(Depends.Position, null, false);

    public static async Task<ReportContext> Read(IQuerySession session, string code, int year, CancellationToken ct)
    {
        string Table(Type type) => session.DocumentStore.Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
        var events = EventStoreSetup.Schema;
        var row = (await session.AdvancedSql.QueryAsync<Row>($"""
            select json_build_object(
                'zoneExists', exists(select 1 from {Table(typeof(ZoneDetails))} where id = ?),
                'head', coalesce((select max(seq_id) from {events}.mt_events), 0),
                'position', coalesce((select max(last_seq_id) from {events}.mt_event_progression where name = '{ProjectionFreshness.EventsPosition}'), 0),
                'targetVersion', coalesce((select (data ->> 'version')::bigint from {Table(typeof(ZoneTarget))} where id = ?), 0),
                'probabilitiesVersion', coalesce((select (data ->> 'version')::bigint from {Table(typeof(ZoneProbabilitySettings))} where id = ?), 0),
                'epoch', (select id::text from {events}.mt_events order by seq_id limit 1),
                'target', (select data from {Table(typeof(ZoneTarget))} where id = ?),
                'settings', (select data from {Table(typeof(ZoneProbabilitySettings))} where id = ?),
                'firstImport', (select json_build_object('id', d.id, 'finishedAt', d.data -> 'finishedAt') from {Table(typeof(ImportRecord))} d
                    where d.data ->> 'status' = 'Completed' and (d.data ->> 'eventsStored')::int > 0 order by d.data -> 'startedAt' limit 1))
            """, ct, ZoneCatalogue.IdOf(code), TargetDecider.IdOf(code, year), ProbabilityDecider.IdOf(code), TargetDecider.IdOf(code, year),
            ProbabilityDecider.IdOf(code)))[0];
        return new(row.ZoneExists, row.Head, new ProgressCache.Dependency(row.Position, row.TargetVersion, row.ProbabilitiesVersion, row.Epoch),
            row.Target, row.Settings, row.FirstImport);
    }
}
