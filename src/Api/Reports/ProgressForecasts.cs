using Investment.Api.Charts;

namespace Investment.Api.Reports;

/// <summary>A point of a chart's line: the figure in USD on a business date.</summary>
/// <param name="On">The business date (Vietnam's calendar).</param>
/// <param name="Usd">The figure on that day, in USD with two decimals.</param>
public sealed record ChartPoint(LocalDate On, decimal Usd);

/// <summary>A line of a chart: a stable key, its label in the chart's language, its points in date order.</summary>
/// <param name="Key">attracted, realised, or the forecast's kind (straightLine, pipelineWeighted).</param>
/// <param name="Label">The line's label in the legend, in the chart's language.</param>
/// <param name="Points">Its points, in date order.</param>
public sealed record ChartLine(string Key, string Label, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// The forecasts drawn dashed from today to the year's end: each is a line from today's figure to the forecast the
/// progress answer gives. The one place to add a forecast (such as a pipeline-weighted one): a line here is drawn and
/// listed in the chart's data with no other change (its label is the text series.forecast.{key}).
/// </summary>
public static class ProgressForecasts
{
    public static IReadOnlyList<ChartLine> Lines(ZoneProgress progress, string language)
    {
        var yearEnd = new LocalDate(progress.Year, 12, 31);
        // Only while the year runs: before it nothing is known, after it the figure is final.
        if (progress.Status.YearElapsed is <= 0m or >= 1m) return [];
        ChartLine Line(string key, decimal forecastUsd) =>
            new(key, Texts.Get(language, $"series.forecast.{key}"), [new(progress.Today, progress.AttractedUsd), new(yearEnd, forecastUsd)]);
        // The pipeline's forecast (issue 14 §2.5) only where open leads are expected to land this year.
        return progress.Status.PipelineExpectedUsd > 0m
            ? [Line("straightLine", progress.Status.ForecastUsd), Line("pipelineWeighted", progress.Status.PipelineForecastUsd)]
            : [Line("straightLine", progress.Status.ForecastUsd)];
    }
}
