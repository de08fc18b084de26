using Microsoft.Net.Http.Headers;

namespace Investment.Api.Charts;

/// <summary>
/// The language a chart or the dashboard is written in: Vietnamese for the board's officers, English for partners
/// such as the VSIP joint venture. Chosen by a `lang` parameter where a page offers one, else by Accept-Language
/// (quality values honoured, a regional tag such as vi-VN counts as its language), else English.
/// </summary>
public static class ChartLanguage
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string Default = English;

    public static readonly IReadOnlyList<string> Supported = [Vietnamese, English];

    public static string Choose(HttpRequest request, string? lang = null)
    {
        if (Supported.Contains(lang)) return lang!;
        var wanted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1); // a stable sort: among equals, the client's order stands
        foreach (var tag in wanted)
        {
            var primary = tag.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (primary is not null && Supported.Contains(primary)) return primary;
        }
        return Default;
    }
}
