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

    /// <summary>The ISO text of a date: dates are stored so, and compare in SQL as text in calendar order.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
