using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Investment.Api.Http;

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

    public static string Encode(long position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("p1:" + position.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long position)
    {
        position = 0;
        if (string.IsNullOrEmpty(cursor)) return true;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("p1:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out position);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Checks limit and cursor; the problem to answer when either is wrong.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Check(int? limit, string? cursor, out int take, out long after)
    {
        take = limit ?? DefaultLimit;
        after = 0;
        if (take is < 1 or > MaxLimit)
            return Problems.BadRequest("request.invalid_limit", $"limit must be between 1 and {MaxLimit}.");
        if (!TryDecode(cursor, out after))
            return Problems.BadRequest("request.invalid_cursor", "cursor is not one this API returned; start again without it.");
        return null;
    }
}
