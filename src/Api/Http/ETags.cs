using System.Globalization;

namespace Investment.Api.Http;

/// <summary>
/// A resource's ETag is its stream version. Reads return it; writes take it back in If-Match so that two officers
/// changing the same thing never overwrite each other silently.
/// </summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpContext context, long version) => context.Response.Headers.ETag = Of(version);

    /// <summary>A write that set its ETag before its save (to keep it with an Idempotency-Key) and then saved nothing names no version.</summary>
    public static void Clear(HttpContext context) => context.Response.Headers.Remove("ETag");

    /// <summary>
    /// For a read whose body also depends on the day (a lead's time in each stage): the version and the day, as a weak
    /// ETag, so that a client's If-None-Match stops matching at midnight in Vietnam; If-Match still reads the version.
    /// </summary>
    public static void Set(HttpContext context, long version, LocalDate day) =>
        context.Response.Headers.ETag = $"W/\"{version.ToString(CultureInfo.InvariantCulture)}.{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by If-Match: null when absent or "*", false when it is not an ETag this API gave.</summary>
    public static bool TryParseIfMatch(string? ifMatch, out long? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*") return true;
        var text = ifMatch.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0) text = text[..dot]; // a day-stamped ETag: the version comes first
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        version = parsed;
        return true;
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InvalidIfMatch() =>
        Problems.BadRequest("request.invalid_if_match", "If-Match must be an ETag returned by this API, such as \"3\".");
}
