using System.Security.Claims;
using Investment.Api.EventStore;
using Investment.Api.Charts;
using Investment.Api.Zones;
using Investment.Domain.Leads;
using Investment.Domain.Zones;
using ScottPlot;

namespace Investment.Api.Leads;

/// <summary>A stage of the funnel as drawn: the pipeline answer's figures for it and its label.</summary>
/// <param name="Label">The stage's name in the chart's language.</param>
/// <param name="Reached">Leads that got at least this far: the bar's width.</param>
/// <param name="Current">Leads in this stage now.</param>
/// <param name="EstimatedCapitalUsd">Their estimated capital, in USD.</param>
/// <param name="ConversionToNext">The share of those that reached it that went on to the next stage (0–1).</param>
public sealed record FunnelStage(LeadStage Stage, string Label, int Reached, int Current, decimal EstimatedCapitalUsd, decimal? ConversionToNext);

/// <summary>What the funnel is drawn from: the stages of GET .../pipeline in order, for the same period.</summary>
/// <param name="ZoneCode">The zone's code, such as dung-quat.</param>
/// <param name="OpenedFrom">The first opening date counted.</param>
/// <param name="OpenedTo">The last opening date counted.</param>
/// <param name="Language">The language of the labels: vi or en.</param>
/// <param name="Title">The chart's title, naming the zone and the period.</param>
/// <param name="XLabel">The horizontal axis's label.</param>
/// <param name="Leads">The leads opened in the period.</param>
/// <param name="Lost">Of those, the leads lost.</param>
/// <param name="Stages">The stages in pipeline order, prospect first.</param>
public sealed record PipelineChartData(
    string ZoneCode, LocalDate OpenedFrom, LocalDate OpenedTo, string Language, string Title, string XLabel, int Leads, int Lost, IReadOnlyList<FunnelStage> Stages);

public static class GetPipelineChart
{
    /// <param name="openedFrom">First opening date counted (default 1 January of this year in Vietnam).</param>
    /// <param name="openedTo">Last opening date counted (default today in Vietnam).</param>
    public static async Task<IResult> Handle(
        string code, string? openedFrom, string? openedTo, IQuerySession session, IClock clock, ClaimsPrincipal user, FreshnessOptions freshness,
        ZonePipelines pipelines, HttpContext http, CancellationToken ct)
    {
        // The same answer as GET .../pipeline: the funnel cannot disagree with the JSON.
        var answer = await GetZonePipeline.Handle(code, openedFrom, openedTo, minPosition: null, session, clock, user, freshness, pipelines, http, ct);
        if (answer.Result is not Ok<ZonePipeline> { Value: { } pipeline }) return answer.Result;
        var zone = await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct);
        var language = ChartLanguage.Choose();
        return ChartAnswers.Answer(http, Data(pipeline, zone!, language), language, Draw);
    }

    public static PipelineChartData Data(ZonePipeline pipeline, ZoneDetails zone, string language) =>
        new(pipeline.ZoneCode, pipeline.OpenedFrom, pipeline.OpenedTo, language,
            Texts.Format(language, "pipeline.title", language == ChartLanguage.Vietnamese ? zone.VietnameseName : zone.Name,
                Texts.Date(language, pipeline.OpenedFrom), Texts.Date(language, pipeline.OpenedTo)),
            Texts.Get(language, "pipeline.axis"), pipeline.Leads, pipeline.Lost,
            [.. pipeline.Stages.Select(s => new FunnelStage(s.Stage, Texts.Get(language, $"stage.{Json.Name(s.Stage.ToString())}"),
                s.Reached, s.Current, s.EstimatedCapitalUsd, s.ConversionToNext))]);

    /// <summary>A funnel: one centred horizontal bar per stage, widest at the top, its figures on it and the conversion below it.</summary>
    public static Plot Draw(PipelineChartData data)
    {
        var plot = ChartCanvas.New();
        var widest = Math.Max(1, data.Stages.Select(s => s.Reached).DefaultIfEmpty(0).Max());
        var culture = Texts.Culture(data.Language);
        Color[] colours = [ChartCanvas.Colours.SkyBlue, ChartCanvas.Colours.Blue];
        var bars = data.Stages.Select((s, i) => new Bar
        {
            Position = data.Stages.Count - 1 - i,
            ValueBase = -s.Reached / 2.0,
            Value = s.Reached / 2.0,
            FillColor = colours[i % 2],
            Orientation = Orientation.Horizontal,
            Size = 0.6,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        for (var i = 0; i < data.Stages.Count; i++)
        {
            var stage = data.Stages[i];
            var y = data.Stages.Count - 1 - i;
            var figures = plot.Add.Text(Texts.Format(data.Language, "pipeline.bar", stage.Reached, stage.Current,
                Texts.Millions(data.Language, stage.EstimatedCapitalUsd)), widest / 2.0 + widest * 0.03, y);
            figures.LabelFontSize = 13;
            figures.LabelFontColor = Colors.Black;
            figures.LabelAlignment = Alignment.MiddleLeft;
            if (stage.ConversionToNext is { } conversion)
            {
                var arrow = plot.Add.Text(Texts.Format(data.Language, "pipeline.conversion", conversion.ToString("P0", culture)), 0, y - 0.5);
                arrow.LabelFontSize = 12;
                arrow.LabelFontColor = ChartCanvas.Colours.Grey;
                arrow.LabelAlignment = Alignment.MiddleCenter;
            }
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. data.Stages.Select((s, i) => new Tick(data.Stages.Count - 1 - i, s.Label))]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([]);
        plot.Grid.IsVisible = false;
        plot.Title(data.Title);
        plot.XLabel(data.XLabel);
        plot.Axes.SetLimits(-widest / 2.0 - widest * 0.05, widest * 1.6, -0.7, data.Stages.Count - 0.4);
        return plot;
    }
}
