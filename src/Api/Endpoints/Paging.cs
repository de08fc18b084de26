using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Investment.Api.Endpoints;

/// <summary>A page of a list and the cursor that fetches the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Lists are paged by an opaque cursor: the position after the last item returned, so that pages stay stable while
/// new items arrive (an offset would skip or repeat items). The cursor is base64url text clients must not interpret.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode(long position) => Encode(position.ToString(CultureInfo.InvariantCulture));

    public static string Encode(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("p1:" + position));

    /// <summary>Checks limit and a numeric cursor (a position in the event log, a version…).</summary>
    public static ProblemHttpResult? Check(int? limit, string? cursor, out int take, out long after)
    {
        after = 0;
        if (CheckKey(limit, cursor, out take, out var key) is { } problem) return problem;
        if (key is null || long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out after)) return null;
        return InvalidCursor();
    }

    /// <summary>Checks limit and a cursor holding a sort key; the key is null on the first page.</summary>
    public static ProblemHttpResult? CheckKey(int? limit, string? cursor, out int take, out string? after)
    {
        take = limit ?? DefaultLimit;
        after = null;
        if (take is < 1 or > MaxLimit)
            return Problems.BadRequest("request.invalid_limit", $"limit must be between 1 and {MaxLimit}.");
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (!text.StartsWith("p1:", StringComparison.Ordinal)) return InvalidCursor();
            after = text[3..];
            return null;
        }
        catch (FormatException)
        {
            return InvalidCursor();
        }
    }

    /// <summary>The page from rows fetched one beyond <paramref name="take"/>: the extra row tells whether another page exists.</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> rows, int take, Func<T, string> position) =>
        new([.. rows.Take(take)], rows.Count > take ? Encode(position(rows[take - 1])) : null);

    public static Page<T> Of<T>(IReadOnlyList<T> rows, int take, Func<T, long> position) =>
        Of(rows, take, row => position(row).ToString(CultureInfo.InvariantCulture));

    private static ProblemHttpResult InvalidCursor() =>
        Problems.BadRequest("request.invalid_cursor", "cursor is not one this API returned; start again without it.");
}
