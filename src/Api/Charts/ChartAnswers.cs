using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Investment.Api.Charts;

/// <summary>Marks a chart's route, with the type of the data it is drawn from (for the document).</summary>
public sealed record AnswersChart(Type DataType);

/// <summary>
/// A chart answers the same rules as every read: an ETag, and 304 to an If-None-Match that still names it. Its tag is a
/// hash of the data the chart is drawn from (labels in the chosen language included) and the format, so it is known
/// before anything is drawn, and a chart is drawn only when the client does not hold it. The same data always draws the
/// same bytes (ChartCanvas), so the tag names the bytes too.
/// </summary>
public static class ChartAnswers
{
    /// <summary>image/png when asked for, the chart's data for application/json, else SVG (also for */* and no Accept).</summary>
    public static ChartFormat Wanted(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1);
        foreach (var type in accepted)
        {
            if (type.MediaType.Equals("image/png", StringComparison.OrdinalIgnoreCase)) return ChartFormat.Png;
            if (type.MediaType.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase)) return ChartFormat.Svg;
            if (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) return ChartFormat.Data;
        }
        return ChartFormat.Svg;
    }

    public static IResult Answer<T>(HttpContext http, T data, string language, Func<T, ScottPlot.Plot> draw) where T : notnull
    {
        var format = Wanted(http.Request);
        var json = JsonSerializer.SerializeToUtf8Bytes(data, Json.Options);
        var tag = $"W/\"{format.ToString().ToLowerInvariant()}-{Convert.ToHexStringLower(SHA256.HashData(json))[..32]}\"";
        var headers = http.Response.Headers;
        headers.ETag = tag;
        headers.ContentLanguage = language;
        headers.Vary = "Accept, Accept-Language";
        var current = EntityTagHeaderValue.Parse(tag);
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (format == ChartFormat.Data) return TypedResults.Bytes(json, ChartCanvas.ContentType(format));
        using var plot = draw(data);
        return TypedResults.Bytes(ChartCanvas.Render(plot, format), ChartCanvas.ContentType(format));
    }
}
