using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Investment.Api.Endpoints;

/// <summary>A page of a list and the cursor that fetches the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Where an item stands in a list kept in the order its stream was recorded (investors, leads): the instant its first
/// event was recorded, then its id, which no two items share. Both come from the event, so a rebuild gives the same.
/// The lists followed the event log's global sequence before (issue 18): quick appends number the events in the
/// database, after the read models are written.
/// </summary>
/// <param name="Position">100 ns ticks from <see cref="Instant.MinValue"/>, never negative (digits of fixed width in the
/// certificates' sort keys). A document stored before keeps its global sequence here, far below any instant's ticks: it
/// lists first, in the log's order, until rebuild-projections gives it its instant.</param>
public readonly record struct Place(long Position, Guid Id)
{
    public static long PositionOf(Instant recordedAt) => (recordedAt - Instant.MinValue).BclCompatibleTicks;
}

/// <summary>
/// Lists are paged by an opaque cursor: the position after the last item returned, so that pages stay stable while
/// new items arrive (an offset would skip or repeat items). The cursor is encrypted and authenticated (AES-GCM) with the
/// list's scope (its sort) as associated data: clients cannot read it, forge it (a NUL byte never reaches the database)
/// or reuse a cursor of one sort with another. The nonce is derived from the content, so the same page always answers
/// the same cursor (and the same body ETag). Every instance must share the key: Paging:CursorKey, else a built-in one.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static Keys keys = Keys.From("investment-api cursors, built-in key: set Paging:CursorKey in production");

    private sealed record Keys(byte[] Encryption, byte[] Nonce)
    {
        public static Keys From(string secret)
        {
            var root = Encoding.UTF8.GetBytes(secret);
            return new(HKDF.DeriveKey(HashAlgorithmName.SHA256, root, 32, info: "cursor encryption"u8.ToArray()),
                HKDF.DeriveKey(HashAlgorithmName.SHA256, root, 32, info: "cursor nonce"u8.ToArray()));
        }
    }

    /// <summary>The secret cursors are sealed with (Paging:CursorKey): the same on every instance behind one address.</summary>
    public static void UseKey(string? secret)
    {
        if (!string.IsNullOrWhiteSpace(secret)) keys = Keys.From(secret);
    }

    public static string Encode(long position, string scope = "") => Encode(position.ToString(CultureInfo.InvariantCulture), scope);

    public static string Encode(string position, string scope = "")
    {
        var k = keys;
        var plain = Encoding.UTF8.GetBytes(position);
        var associated = Encoding.UTF8.GetBytes("p2:" + scope);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        byte[] nonceInput = [.. associated, 0, .. plain];
        HMACSHA256.HashData(k.Nonce, nonceInput).AsSpan(0, NonceBytes).CopyTo(nonce);
        using var aes = new AesGcm(k.Encryption, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), associated);
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>Checks limit and a numeric cursor (a position in the event log, a version…).</summary>
    public static ProblemHttpResult? Check(int? limit, string? cursor, out int take, out long after, string scope = "")
    {
        after = 0;
        if (CheckKey(limit, cursor, out take, out var key, scope) is { } problem) return problem;
        if (key is null || long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out after)) return null;
        return InvalidCursor();
    }

    /// <summary>Checks limit and a cursor holding a <see cref="Place"/>; null on the first page.</summary>
    public static ProblemHttpResult? CheckPlace(int? limit, string? cursor, out int take, out Place? after, string scope = "")
    {
        after = null;
        if (CheckKey(limit, cursor, out take, out var key, scope) is { } problem) return problem;
        if (key is null) return null;
        var parts = key.Split(' ');
        if (parts is [var position, var id] && long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            && Guid.TryParseExact(id, "N", out var i))
            after = new Place(p, i);
        // A cursor sealed before ids broke ties held a global sequence alone: after every item at it, as it meant then.
        else if (parts is [var sequence] && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            after = new Place(s, Guid.AllBitsSet);
        return after is null ? InvalidCursor() : null;
    }

    /// <summary>Checks limit and a cursor holding a sort key; the key is null on the first page.</summary>
    public static ProblemHttpResult? CheckKey(int? limit, string? cursor, out int take, out string? after, string scope = "")
    {
        take = limit ?? DefaultLimit;
        after = null;
        if (take is < 1 or > MaxLimit)
            return Problems.BadRequest("request.invalid_limit", $"limit must be between 1 and {MaxLimit}.");
        if (string.IsNullOrEmpty(cursor)) return null;
        after = Decode(cursor, scope);
        return after is null ? InvalidCursor() : null;
    }

    private static string? Decode(string cursor, string scope)
    {
        if (cursor.Length > 1000) return null;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return null;
        }
        if (sealedBytes.Length < NonceBytes + TagBytes) return null;
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(keys.Encryption, TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length),
                plain, Encoding.UTF8.GetBytes("p2:" + scope));
        }
        catch (CryptographicException)
        {
            return null; // forged, damaged, of another sort or sealed with another key
        }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The page from rows fetched one beyond <paramref name="take"/>: the extra row tells whether another page exists.</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> rows, int take, Func<T, string> position, string scope = "") =>
        new([.. rows.Take(take)], rows.Count > take ? Encode(position(rows[take - 1]), scope) : null);

    public static Page<T> Of<T>(IReadOnlyList<T> rows, int take, Func<T, long> position, string scope = "") =>
        Of(rows, take, row => position(row).ToString(CultureInfo.InvariantCulture), scope);

    public static Page<T> Of<T>(IReadOnlyList<T> rows, int take, Func<T, Place> place, string scope = "") =>
        Of(rows, take, row =>
        {
            var (position, id) = place(row);
            return $"{position.ToString(CultureInfo.InvariantCulture)} {id:N}";
        }, scope);

    private static ProblemHttpResult InvalidCursor() =>
        Problems.BadRequest("request.invalid_cursor", "cursor is not one this API returned for this list and sort; start again without it.");
}
