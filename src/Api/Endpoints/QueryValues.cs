using NodaTime.Text;

namespace Investment.Api.Endpoints;

/// <summary>
/// Query-string values the framework would bind case-sensitively (enums) or not at all (NodaTime dates): parsed here,
/// with a 400 that names the parameter and the values it takes.
/// </summary>
public static class QueryValues
{
    public static ProblemHttpResult? Enum<T>(string? text, string name, out T? value) where T : struct, System.Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (System.Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !text.Trim().All(char.IsAsciiDigit))
        {
            value = parsed;
            return null;
        }
        return Problems.BadRequest($"request.invalid_{name}",
            $"{name} must be one of: {string.Join(", ", System.Enum.GetNames<T>().Select(Json.Name))}.");
    }

    public static ProblemHttpResult? Date(string? text, string name, out LocalDate? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success && parsed.Value.Year is >= BoundedLocalDateConverter.MinYear and <= BoundedLocalDateConverter.MaxYear)
        {
            value = parsed.Value;
            return null;
        }
        return Problems.BadRequest($"request.invalid_{name}", $"{name} must be a date written as 2014-06-30.");
    }

    /// <summary>
    /// Every query value and route value is checked before any handler sees it: a NUL byte (or another control or
    /// invisible character) would reach PostgreSQL, which refuses it in text with an error, not an answer. Such a value
    /// answers 400 naming its parameter, on every endpoint at once.
    /// </summary>
    public static IApplicationBuilder UseCleanQueryValues(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var bad = context.Request.Query.FirstOrDefault(q => !Text.HasNoControlCharacters(q.Key) || q.Value.Any(v => !Text.HasNoControlCharacters(v) || HasLineBreak(v)));
        if (bad.Key is not null)
        {
            await ProblemDetailsSetup.WriteAsync(context, StatusCodes.Status400BadRequest, "request.invalid_query",
                $"The query parameter '{Printable(bad.Key)}' holds a control or invisible character (such as %00); send plain text.");
            return;
        }
        var badRoute = context.Request.RouteValues.FirstOrDefault(r => r.Value is string v && (!Text.HasNoControlCharacters(v) || HasLineBreak(v)));
        if (badRoute.Key is not null)
        {
            await ProblemDetailsSetup.WriteAsync(context, StatusCodes.Status400BadRequest, "request.invalid_path",
                $"The path segment '{badRoute.Key}' holds a control or invisible character (such as %00); send plain text.");
            return;
        }
        await next(context);
    });

    private static bool HasLineBreak(string? value) => value is not null && value.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0;

    private static string Printable(string name) => new([.. name.Where(c => !char.IsControl(c))]);

    /// <summary>The ISO text of a date: dates are stored so, and compare in SQL as text in calendar order.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
