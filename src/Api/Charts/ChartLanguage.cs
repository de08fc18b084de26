namespace Investment.Api.Charts;

/// <summary>
/// The language a chart or the dashboard is written in: Vietnamese for the board's officers, English for partners
/// such as the VSIP joint venture. Chosen by a `lang` parameter where a page offers one, else by Accept-Language
/// (the API's request localization: quality values honoured, a regional tag such as vi-VN counts as its language, else
/// the configured default, English unless set).
/// </summary>
public static class ChartLanguage
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Vietnamese, English];

    /// <summary>
    /// The lang parameter where a page offers one, else the request's language as the API's request localization chose it
    /// from Accept-Language (quality values, the configured default: <see cref="Http.Languages"/>), as for every answer.
    /// </summary>
    public static string Choose(string? lang = null) =>
        lang is not null && Supported.Contains(lang) ? lang : Http.Languages.Current;
}
