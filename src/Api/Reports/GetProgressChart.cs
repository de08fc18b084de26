using Investment.Api.EventStore;
using Investment.Api.Charts;
using Investment.Api.Zones;
using Investment.Domain.Targets;
using Investment.Domain.Zones;
using ScottPlot;

namespace Investment.Api.Reports;

/// <summary>
/// What the progress chart is drawn from, in USD (the chart writes millions). The attracted and realised lines are
/// accumulated from 1 January: a point at the start of the year, one at the end of each month gone by, and the last one
/// at today (or asOf, or 31 December once the year is over) holding the progress answer's attractedUsd and
/// realised.realisedInPeriodUsd for the same question.
/// </summary>
/// <param name="ZoneCode">The zone's code, such as dung-quat.</param>
/// <param name="Year">The calendar year charted.</param>
/// <param name="AsOf">The date the figures are as known on; absent when they are as known now.</param>
/// <param name="Language">The language of the labels: vi or en.</param>
/// <param name="Title">The chart's title, naming the zone and the year.</param>
/// <param name="XLabel">The horizontal axis's label (months).</param>
/// <param name="YLabel">The vertical axis's label (USD millions).</param>
/// <param name="TargetLabel">The target band's label in the legend; null without a target.</param>
/// <param name="TodayLabel">The label of the line marking today (or asOf).</param>
/// <param name="Today">The day the chart marks as today: today in Vietnam, or asOf.</param>
/// <param name="Target">The target band (minimum–maximum), shaded; null when the year has none.</param>
/// <param name="Attracted">Attracted capital accumulated since 1 January.</param>
/// <param name="Realised">Realised capital (disbursed) accumulated since 1 January; no points when none is known.</param>
/// <param name="Forecasts">The year-end forecasts, each from today's figure to 31 December (dashed); none outside the year.</param>
public sealed record ProgressChartData(
    string ZoneCode, int Year, LocalDate? AsOf, LocalDate Today, string Language, string Title, string XLabel, string YLabel,
    TargetRange? Target, string? TargetLabel, ChartLine Attracted, ChartLine Realised, IReadOnlyList<ChartLine> Forecasts, string TodayLabel);

public static class GetProgressChart
{
    /// <param name="asOf">Draw what the store knew at the end of this day (2014-07-05), by recording time; now when omitted.</param>
    public static async Task<IResult> Handle(
        string code, int year, string? asOf, IQuerySession session, ProgressCache cache, ZoneFacts facts, IClock clock, FreshnessOptions freshness, HttpContext http,
        CancellationToken ct)
    {
        // The same answer as GET .../progress/{year}: the chart cannot disagree with the JSON.
        var answer = await GetZoneProgress.Handle(code, year, asOf, minPosition: null, session, cache, facts, clock, freshness, http, ct);
        if (answer.Result is not Ok<ZoneProgress> { Value: { } progress }) return answer.Result;
        var (inputs, problem) = await ReportInputs.Load(session, facts, clock, code, year, asOf, withLeads: false, ct);
        if (problem is not null) return problem;
        var zone = await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct);
        var language = ChartLanguage.Choose();
        return ChartAnswers.Answer(http, Data(progress, inputs!, zone!, language), language, Draw);
    }

    public static ProgressChartData Data(ZoneProgress progress, ReportInputs inputs, ZoneDetails zone, string language)
    {
        var start = new LocalDate(progress.Year, 1, 1);
        var end = new LocalDate(progress.Year, 12, 31);
        var last = progress.Today < end ? progress.Today : end;
        var days = new List<LocalDate>();
        if (progress.Today > start)
        {
            days.Add(start);
            for (var month = 1; month <= 12; month++)
            {
                var monthEnd = new LocalDate(progress.Year, month, 1).PlusMonths(1).PlusDays(-1);
                if (monthEnd < last) days.Add(monthEnd);
            }
        }
        List<ChartPoint> attracted = [], realised = [];
        foreach (var day in days)
        {
            attracted.Add(new(day, inputs.Attracted(start, day).AttractedUsd));
            realised.Add(new(day, inputs.Implemented(start, day).Realised.RealisedInPeriodUsd));
        }
        if (progress.Today >= start)
        {
            attracted.Add(new(last, progress.AttractedUsd));
            realised.Add(new(last, progress.Realised.RealisedInPeriodUsd));
        }
        if (realised.All(p => p.Usd == 0m)) realised = [];

        var name = language == ChartLanguage.Vietnamese ? zone.VietnameseName : zone.Name;
        var title = progress.AsOf is { } asOf
            ? Texts.Format(language, "progress.titleAsOf", name, progress.Year, Texts.Date(language, asOf))
            : Texts.Format(language, "progress.title", name, progress.Year);
        var targetLabel = progress.Target is { } t
            ? Texts.Format(language, "series.target", Texts.Millions(language, t.MinimumUsd), Texts.Millions(language, t.MaximumUsd))
            : null;
        var todayLabel = $"{Texts.Get(language, progress.AsOf is null ? "series.today" : "series.asOf")} {Texts.Date(language, progress.Today)}";
        return new ProgressChartData(progress.ZoneCode, progress.Year, progress.AsOf, progress.Today, language, title,
            Texts.Get(language, "axis.month"), Texts.Get(language, "axis.usdMillion"), progress.Target, targetLabel,
            new ChartLine("attracted", Texts.Get(language, "series.attracted"), attracted),
            new ChartLine("realised", Texts.Get(language, "series.realised"), realised),
            ProgressForecasts.Lines(progress, language), todayLabel);
    }

    public static Plot Draw(ProgressChartData data)
    {
        var plot = ChartCanvas.New();
        var start = new LocalDate(data.Year, 1, 1);
        double X(LocalDate day) => Period.DaysBetween(start, day);
        static double Millions(decimal usd) => (double)(usd / 1_000_000m);
        var yearDays = X(new LocalDate(data.Year, 12, 31));

        if (data.Target is { } target)
        {
            var band = plot.Add.VerticalSpan(Millions(target.MinimumUsd), Millions(target.MaximumUsd), ChartCanvas.Colours.Orange.WithAlpha(0.25));
            band.LegendText = data.TargetLabel ?? "";
            band.LineStyle.Width = 0;
        }
        void Line(ChartLine line, Color colour, bool dashed)
        {
            if (line.Points.Count == 0) return;
            var scatter = plot.Add.Scatter(line.Points.Select(p => X(p.On)).ToArray(), line.Points.Select(p => Millions(p.Usd)).ToArray(), colour);
            scatter.LegendText = line.Label;
            scatter.LineWidth = 3;
            scatter.MarkerSize = dashed ? 0 : 7;
            if (dashed) scatter.LinePattern = LinePattern.Dashed;
        }
        Line(data.Realised, ChartCanvas.Colours.Green, dashed: false);
        Line(data.Attracted, ChartCanvas.Colours.Blue, dashed: false);
        Color[] forecastColours = [ChartCanvas.Colours.Vermillion, ChartCanvas.Colours.SkyBlue];
        for (var i = 0; i < data.Forecasts.Count; i++) Line(data.Forecasts[i], forecastColours[i % forecastColours.Length], dashed: true);
        if (data.Today >= start && X(data.Today) <= yearDays)
        {
            var today = plot.Add.VerticalLine(X(data.Today), 1.5f, ChartCanvas.Colours.Grey, LinePattern.Dotted);
            today.LegendText = data.TodayLabel;
        }

        plot.Title(data.Title);
        plot.XLabel(data.XLabel);
        plot.YLabel(data.YLabel);
        var months = Enumerable.Range(1, 12).Select(m => new Tick(X(new LocalDate(data.Year, m, 1)), Texts.Get(data.Language, $"month.{m}"))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(months);
        var top = new[] { data.Target?.MaximumUsd ?? 0m }
            .Concat(data.Attracted.Points.Concat(data.Realised.Points).Concat(data.Forecasts.SelectMany(f => f.Points)).Select(p => p.Usd))
            .Max();
        plot.Axes.SetLimits(0, yearDays + 1, 0, Math.Max(1, Millions(top) * 1.15));
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
