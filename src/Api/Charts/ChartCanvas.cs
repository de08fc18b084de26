using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace Investment.Api.Charts;

public enum ChartFormat
{
    Svg,
    Png,
    /// <summary>The data the chart is drawn from, as JSON: what a test (or a client drawing its own chart) reads.</summary>
    Data,
}

/// <summary>
/// Where every chart is drawn: ScottPlot on SkiaSharp, at one size, in one embedded font. The font is DejaVu Sans
/// (it has every Vietnamese letter; the Liberation fonts Debian ships do not), read from the assembly: the runtime image
/// has no fonts and the native SkiaSharp library used has no fontconfig, so nothing depends on the machine's fonts and
/// the same data draws the same bytes everywhere.
/// </summary>
public static partial class ChartCanvas
{
    public const int Width = 960;
    public const int Height = 540;
    public const string FontName = "DejaVu Sans";

    private static readonly SKTypeface Typeface = LoadTypeface();

    static ChartCanvas() => Fonts.FontResolvers.Insert(0, new EmbeddedFont());

    /// <summary>A plot with the house style: the embedded font everywhere, a white figure, a light grid.</summary>
    public static Plot New()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Axes.Title.Label.Bold = false; // one weight is embedded: a synthesised bold would differ between renderers
        plot.Axes.Title.Label.FontSize = 18;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        return plot;
    }

    public static byte[] Render(Plot plot, ChartFormat format) => format switch
    {
        ChartFormat.Png => plot.GetImageBytes(Width, Height, ImageFormat.Png),
        _ => Encoding.UTF8.GetBytes(StableIds(plot.GetSvgXml(Width, Height))),
    };

    /// <summary>
    /// SkiaSharp names an SVG's clip paths from a counter that runs for the whole process (cl_4, then cl_27…): renumbered
    /// in the order they appear, the same chart gives the same bytes on every request.
    /// </summary>
    private static string StableIds(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Ids().Matches(svg)) ids.TryAdd(match.Groups[1].Value, $"c{ids.Count + 1}");
        return ids.Count == 0 ? svg : References().Replace(svg, m => ids.TryGetValue(m.Groups[2].Value, out var id) ? m.Groups[1].Value + id + m.Groups[3].Value : m.Value);
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex Ids();

    [GeneratedRegex("(\\bid=\"|url\\(#|href=\"#)([^\")]+)([\")])")]
    private static partial Regex References();

    public static string ContentType(ChartFormat format) => format switch
    {
        ChartFormat.Png => "image/png",
        ChartFormat.Svg => "image/svg+xml",
        _ => "application/json; charset=utf-8",
    };

    /// <summary>Okabe–Ito colours: told apart by readers with any common colour-vision deficiency.</summary>
    public static class Colours
    {
        public static readonly Color Blue = Color.FromHex("#0072B2");
        public static readonly Color Green = Color.FromHex("#009E73");
        public static readonly Color Vermillion = Color.FromHex("#D55E00");
        public static readonly Color Orange = Color.FromHex("#E69F00");
        public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
        public static readonly Color Grey = Color.FromHex("#595959");
    }

    private static SKTypeface LoadTypeface()
    {
        using var stream = typeof(ChartCanvas).Assembly.GetManifestResourceStream("Investment.Api.Charts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The chart font is not embedded in the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The chart font could not be read.");
    }

    private sealed class EmbeddedFont : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Typeface;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Typeface;
    }
}
