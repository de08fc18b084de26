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
        bool leadsOnlyWhileTheYearRuns = false, ProgressCache.Dependency? depends = null)
    {
        if (year is < 2000 or > 2100) return (null, Problems.BadRequest("request.invalid_year", "year must be between 2000 and 2100."));
        if (QueryValues.Date(asOf, "asOf", out var asOfDate) is { } badDate) return (null, badDate);
        if (await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null)
            return (null, Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'."));

        var knownAt = asOfDate is { } day ? day.PlusDays(1).AtStartOfDayInZone(VietnamCalendar.Zone).ToInstant() : Instant.MaxValue;
        var today = asOfDate ?? VietnamCalendar.Today(clock.GetCurrentInstant());
        var target = await session.LoadAsync<ZoneTarget>(TargetDecider.IdOf(code, year), ct);
        // Progress needs the leads only for the pipeline's forecast, which is 0 unless the status day lies in the year: a
        // past or future year's progress (most as-known-on questions) counts none (issue 18: each log is a lead's history).
        var countsLeads = withLeads && !(leadsOnlyWhileTheYearRuns && today.Year != year);
        // The zone's documents come from the process's copy, refreshed from what changed since (ZoneFacts says why it is exact).
        var copy = await facts.Of(session, code, TargetDecider.IdOf(code, year),
            depends ?? await ProgressCache.Dependencies(session, TargetDecider.IdOf(code, year), code, ct), countsLeads, ct);
        // Every certificate issued by the year's end: realised capital and jobs are cumulative. (A ledger stored before
        // IssuedYear was added has none; its movements in the year still find it.)
        var ledgers = copy.Ledgers.Values.Where(x => x.Years.Contains(year) || x.IssuedYear <= year).ToList();
        var leads = countsLeads ? copy.Leads.Values.Where(x => x.Years.Contains(year) || x.Years.Contains(year - 1)).ToList() : [];
        // The zone's settings as known at the instant, in one read: an as-known-on answer uses the stage probabilities and
        // the service standard (the response time's) of the versions recorded by then.
        var (settings, _) = await ZoneSettings.Load(session, code, ct);
        var probabilities = GetStageProbabilities.Of(settings, code).KnownAt(knownAt);
        var standard = GetServiceStandard.Of(settings, code).KnownAt(knownAt);
        // Targets are typed in as the decision states them; answers write every USD amount with two decimals.
        var range = target?.Target.KnownAt(knownAt) is { } known ? known with { MinimumUsd = Money.Cents(known.MinimumUsd), MaximumUsd = Money.Cents(known.MaximumUsd) } : null;
        return (new ReportInputs(code, year, asOfDate, knownAt, today, range,
            [.. ledgers.SelectMany(l => l.Movements)], [.. leads.Select(l => l.Facts)], [.. ledgers.Select(l => l.Implementation())], probabilities, standard,
            asOfDate is null ? null : await Reconstruction(session, knownAt, ct)), null);
    }

    /// <summary>
    /// As known on a day before the first import stored anything, the figures are what the imported register supports (its
    /// known_since dates), not what the store held then: the answer says so.
    /// </summary>
    private static async Task<string?> Reconstruction(IQuerySession session, Instant knownAt, CancellationToken ct)
    {
        var first = await session.Query<ImportRecord>().Where(x => x.Status == ImportStatus.Completed && x.EventsStored > 0)
            .OrderBy(x => x.StartedAt).FirstOrDefaultAsync(ct);
        if (first is not { FinishedAt: { } stored } || knownAt > stored) return null;
        var (where, on) = (GetImport.Location(first.Id), VietnamCalendar.Today(stored).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return Languages.Say(
            $"Reconstructed from imported records: the first import ({where}) stored the register on {on}; before it, facts count as known from each row's known_since (its business date when empty).",
            $"Số liệu được dựng lại từ hồ sơ nhập khẩu: lần nhập đầu tiên ({where}) đưa sổ đăng ký vào hệ thống ngày {on}; trước ngày đó, mỗi thông tin được coi là đã biết từ ngày known_since của dòng (hoặc ngày nghiệp vụ khi để trống).");
    }

    public AttractedCapital Attracted(LocalDate from, LocalDate to) =>
        AttractedCapital.Compute(Movements, ZoneCode, from, to, KnownAt, CountingRule.For(Year));

    /// <summary>The status for a day, with the pipeline's forecast of the year beside the straight line (issue 14 §2.5).</summary>
    public TargetStatus Status(decimal attractedUsd, LocalDate statusDay) =>
        TargetStatus.Evaluate(Target, attractedUsd, Year, statusDay)
            .WithPipeline(attractedUsd, PipelineForecast.Expected(LeadFact.ActiveIn(LeadFacts, Year, KnownAt), Probabilities, Year, statusDay));

    public ImplementationFigures Implemented(LocalDate from, LocalDate to) => ImplementationFigures.Compute(Implementation, ZoneCode, from, to, KnownAt);
}
