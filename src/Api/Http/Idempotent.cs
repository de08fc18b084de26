using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Investment.Domain.Common;

namespace Investment.Api.Http;

/// <summary>
/// A key a client sent once, and what it created. Saved in the same transaction as the events it answers, so a retry
/// either finds it (and gets the first answer again) or the first attempt saved nothing at all.
/// </summary>
public sealed record IdempotencyRecord(string Id, string RequestHash, Guid ResourceId, string Location, Instant RecordedAt);

/// <summary>The Idempotency-Key of a create: phones on bad networks retry, and must never log anything twice.</summary>
public sealed class Idempotent
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    private readonly string? recordId;
    private readonly string requestHash;

    private Idempotent(string? recordId, string requestHash, IdempotencyRecord? remembered, ProblemHttpResult? problem)
    {
        this.recordId = recordId;
        this.requestHash = requestHash;
        Remembered = remembered;
        Problem = problem;
    }

    /// <summary>The first answer's resource, when this request is a retry of one that succeeded.</summary>
    public IdempotencyRecord? Remembered { get; }

    /// <summary>A malformed key, or a key reused for another request.</summary>
    public ProblemHttpResult? Problem { get; }

    /// <summary>Looks the key up. Keys are scoped to the caller and the path, so two clients' keys never meet.</summary>
    public static async Task<Idempotent> Check(IQuerySession session, HttpContext http, ClaimsPrincipal user, string? key, object request, CancellationToken ct)
    {
        var hash = Hash(http.Request.Path + "\n" + JsonSerializer.Serialize(request, request.GetType(), Json.Options));
        if (key is null) return new(null, hash, null, null);
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            return new(null, hash, null, Problems.BadRequest("request.invalid_idempotency_key",
                $"{Header} must be 1 to {MaxKeyLength} visible ASCII characters, such as a UUID."));

        var id = Hash($"{user.Subject()}\n{http.Request.Method} {http.Request.Path}\n{key}");
        var remembered = await session.LoadAsync<IdempotencyRecord>(id, ct);
        return Idempotency.Decide(remembered?.RequestHash, hash) switch
        {
            Idempotency.Outcome.KeyReused => new(id, hash, null, Problems.Unprocessable("idempotency.key_reused",
                $"This {Header} was already used for a different request; use a new key for a new request.")),
            Idempotency.Outcome.Replay => new(id, hash, remembered, null),
            _ => new(id, hash, null, null),
        };
    }

    /// <summary>Remembers the key with what it created, in the session about to be saved.</summary>
    public void Remember(IDocumentSession session, Guid resourceId, string location, Instant now)
    {
        if (recordId is not null) session.Insert(new IdempotencyRecord(recordId, requestHash, resourceId, location, now));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
