using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Investment.Api.Endpoints;

/// <summary>A page of a list and the cursor that fetches the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

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

    private static ProblemHttpResult InvalidCursor() =>
        Problems.BadRequest("request.invalid_cursor", "cursor is not one this API returned for this list and sort; start again without it.");
}
