using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Investment.Domain.Common;

namespace Investment.Api.EventStore;

/// <summary>
/// A key a client sent with a write, the request it came with, and the answer it got. Saved in the same transaction
/// as the events of the write (<see cref="IdempotencyFilter"/>), then completed with the answer; kept indefinitely (at
/// least the 24 hours phones need to retry over a bad network).
/// </summary>
public sealed record IdempotencyRecord(string Id, string RequestHash, Instant RecordedAt, int? Status, string? Location, string? ETag, string? Body);

/// <summary>Marks the endpoints whose writes accept an Idempotency-Key (the OpenAPI document declares the header on them).</summary>
public sealed record AcceptsIdempotencyKey;

/// <summary>
/// Marks a handler that reads the key's record in the same round trip as its own first read (issue 18:
/// <see cref="IdempotencyKeys.Join"/>, then <see cref="IdempotencyKeys.Check"/>, before it decides anything), instead of
/// the filter reading it in a round trip of its own first. The answers are the same.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadsIdempotencyKeyWithItsFetchAttribute : Attribute;

public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Every write under this group accepts an Idempotency-Key.</summary>
    public static RouteGroupBuilder WithIdempotencyKeys(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new AcceptsIdempotencyKey());
        return group;
    }

    /// <summary>A key is its client's own, for one operation on one resource: the id of its record.</summary>
    internal static string RecordId(string subject, string method, string target, string key) => Hash($"{subject}\n{method} {target}\n{key}");

    /// <summary>
    /// The operation and the resource a write names, as routing understood them rather than as the client spelled them:
    /// the route template and its bound route values (a Guid in its one canonical form). /contacts, /contacts/, an id in
    /// upper case and /API/V1/LEADS/... are one target, so a retry to any of them replays instead of writing again.
    /// </summary>
    internal static string Target(HttpContext http, IList<object?> arguments)
    {
        if (http.GetEndpoint() is not RouteEndpoint { RoutePattern: var pattern } endpoint) return http.Request.Path.ToString().ToLowerInvariant();
        var parameters = endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters() ?? [];
        var values = pattern.Parameters.Select(route =>
        {
            var index = Array.FindIndex(parameters, p => string.Equals(p.Name, route.Name, StringComparison.OrdinalIgnoreCase));
            var bound = index >= 0 && index < arguments.Count ? arguments[index] : http.Request.RouteValues[route.Name];
            return $"{route.Name}={Canonical(bound)}";
        });
        return string.Join(' ', [pattern.RawText ?? "", .. values]);
    }

    private static string Canonical(object? value) => value switch
    {
        null => "",
        Guid guid => guid.ToString("D"),
        string text when Guid.TryParse(text, out var guid) => guid.ToString("D"),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Whether this request's key is still to be read, by the handler's first batched read (<see cref="Join"/>).
    /// </summary>
    public static bool ToBeRead(HttpContext http) => http.Features.Get<IdempotencyScope>() is { Deferred: true, Joined: false };

    /// <summary>
    /// Adds the read of the key's record to the handler's first batch (a handler marked
    /// <see cref="ReadsIdempotencyKeyWithItsFetchAttribute"/>); null when there is no key to read. Pass the answer to
    /// <see cref="Check"/> once the batch has run, before deciding anything.
    /// </summary>
    public static Task<IdempotencyRecord?>? Join(HttpContext http, Marten.Services.BatchQuerying.IBatchedQuery batch)
    {
        if (http.Features.Get<IdempotencyScope>() is not { Deferred: true, Joined: false } scope) return null;
        scope.Joined = true;
        return batch.Load<IdempotencyRecord>(scope.Record.Id);
    }

    /// <summary>If the key was used before, stops the handler: the filter answers as it would have before the handler ran.</summary>
    public static async Task Check(Task<IdempotencyRecord?>? remembered)
    {
        if (remembered is not null && await remembered is { } record) throw new KeyAlreadyUsed(record);
    }

    /// <summary>
    /// A handler that knows its answer before it saves (issue 18) stores it with the key in the same transaction as its
    /// events: one commit instead of two, and no window in which the write is saved but its answer is not. Call it after
    /// appending and setting the ETag, right before SaveChanges; without an Idempotency-Key it does nothing. Handlers that
    /// do not call it keep the filter's second save.
    /// </summary>
    public static void AnswerWithTheWrite(HttpContext http, IDocumentSession session, int status, string? location, object? body)
    {
        if (http.Features.Get<IdempotencyScope>() is not { } scope) return;
        session.Eject(scope.Record);
        scope.Record = scope.Record with
        {
            Status = status,
            Location = location,
            ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            Body = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), Json.Options),
        };
        session.Insert(scope.Record); // still an insert: a racing request with the same key fails on it, as before
        scope.Answered = true;
    }
    /// <summary>
    /// For a write that saves by a statement of its own (<see cref="AppendStatement"/>) rather than the session: the key's
    /// record with its answer (<see cref="AnswerWithTheWrite"/>), taken out of the session, or null without a key. Throws
    /// if anything else waits in the session: that statement would not save it.
    /// </summary>
    public static IdempotencyRecord? TakeAnswer(HttpContext http, IDocumentSession session)
    {
        var scope = http.Features.Get<IdempotencyScope>();
        if (scope is not null)
        {
            if (!scope.Answered) throw new InvalidOperationException("A write with an Idempotency-Key that saves by its own statement must answer with it (AnswerWithTheWrite).");
            session.Eject(scope.Record);
        }
        if (session.PendingChanges.Operations().Any() || session.PendingChanges.Streams().Any())
            throw new InvalidOperationException("A write that saves by its own statement found other changes waiting in the session, which it would lose.");
        return scope?.Record;
    }
}

/// <summary>The key's record within one request: pending until the handler answers it with its write, or the filter after it.</summary>
internal sealed class IdempotencyScope(IdempotencyRecord record, bool deferred)
{
    public IdempotencyRecord Record { get; set; } = record;
    public bool Answered { get; set; }

    /// <summary>The handler reads the record with its own first read (<see cref="IdempotencyKeys.Join"/>).</summary>
    public bool Deferred { get; } = deferred;

    public bool Joined { get; set; }
}

/// <summary>The key's record, found by the handler's first read: nothing was decided or saved yet.</summary>
internal sealed class KeyAlreadyUsed(IdempotencyRecord record) : Exception("The Idempotency-Key was used before.")
{
    public IdempotencyRecord Record { get; } = record;
}

/// <summary>
/// Phones on bad networks retry. A write sent again with the same Idempotency-Key and the same request answers what
/// the first one answered, writing nothing twice; the same key with another request is refused (422). The key is
/// inserted into the request's unit of work before the handler runs, so it commits atomically with the handler's
/// events: either both are saved or neither is, and a refused or invalid request leaves the key unused.
/// </summary>
public sealed class IdempotencyFilter(IDocumentSession session, IClock clock) : IEndpointFilter
{
    private const int MaxKeyLength = 200;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || !http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var values))
            return await next(context);

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            return Problems.BadRequest("request.invalid_idempotency_key",
                $"{IdempotencyKeys.Header} must be 1 to {MaxKeyLength} visible ASCII characters, such as a UUID.");

        var target = IdempotencyKeys.Target(http, context.Arguments);
        var id = IdempotencyKeys.RecordId(http.User.Subject(), http.Request.Method, target, key);
        var requestHash = IdempotencyKeys.Hash(target + http.Request.QueryString + "\n" + string.Join("\n",
            context.Arguments.Where(a => a is not null and not CommandContext and not StreamCommandContext
                    && a.GetType().Assembly == typeof(IdempotencyFilter).Assembly)
                .Select(a => JsonSerializer.Serialize(a, a!.GetType(), Json.Options))));

        // A handler that reads the record with its own first read saves a round trip (issue 18); the answer is the same.
        var deferred = http.GetEndpoint()?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.IsDefined(typeof(ReadsIdempotencyKeyWithItsFetchAttribute), false) == true;
        var remembered = deferred ? null : await session.LoadAsync<IdempotencyRecord>(id, http.RequestAborted);
        if (AnswerRemembered(http, remembered, requestHash) is { } known) return known;

        var pending = new IdempotencyRecord(id, requestHash, clock.GetCurrentInstant(), null, null, null, null);
        session.Insert(pending);
        var scope = new IdempotencyScope(pending, deferred);
        http.Features.Set(scope);
        object? result;
        try
        {
            result = await next(context);
        }
        catch (KeyAlreadyUsed used)
        {
            session.Eject(scope.Record);
            return AnswerRemembered(http, used.Record, requestHash);
        }
        catch (JasperFx.DocumentAlreadyExistsException e) when (e.DocType == typeof(IdempotencyRecord))
        {
            // The same key raced us and its request committed first: answer what it answered (not the ETag ours would have had).
            ETags.Clear(http);
            var first = await session.LoadAsync<IdempotencyRecord>(id, http.RequestAborted);
            return first?.RequestHash == requestHash ? Replay(http, first)
                : Problems.Unprocessable("idempotency.key_reused", $"This {IdempotencyKeys.Header} was just used for a different request.");
        }
        session.Eject(scope.Record);
        if (scope.Deferred && !scope.Joined)
            throw new InvalidOperationException($"{http.GetEndpoint()?.DisplayName} is marked as reading its Idempotency-Key with its fetch but did not.");

        if (HandlerResults.Unwrap(result) is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } answered)
        {
            if (scope.Answered) return result; // saved with the write, in its transaction
            var value = (answered as IValueHttpResult)?.Value;
            session.Store(pending with
            {
                Status = answered.StatusCode,
                Location = answered.GetType().GetProperty("Location")?.GetValue(answered) as string,
                ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                Body = value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json.Options),
            });
            // The write is committed: keep its answer even if the client has gone (its retry will want it).
            await session.SaveChangesAsync(CancellationToken.None);
            return result;
        }

        // Refused, perhaps because the same key raced us and won: then answer what the winner answered.
        var winner = await session.LoadAsync<IdempotencyRecord>(id, http.RequestAborted);
        return winner?.RequestHash == requestHash ? Replay(http, winner) : result;
    }

    /// <summary>What a key used before answers (a replay, or 422 for another request); null for a new key.</summary>
    private IResult? AnswerRemembered(HttpContext http, IdempotencyRecord? remembered, string requestHash) =>
        Idempotency.Decide(remembered?.RequestHash, requestHash) switch
        {
            Idempotency.Outcome.KeyReused => Problems.Unprocessable("idempotency.key_reused",
                $"This {IdempotencyKeys.Header} was already used for a different request; use a new key for a new request."),
            Idempotency.Outcome.Replay => Replay(http, remembered!),
            _ => null,
        };

    private IResult Replay(HttpContext http, IdempotencyRecord first)
    {
        if (first.Status is not { } status)
            return Idempotency.WhenUnanswered(first.RecordedAt, clock.GetCurrentInstant()) == Idempotency.Unanswered.InProgress
                ? Problems.Make(StatusCodes.Status409Conflict, "Request in progress", "idempotency.in_progress",
                    $"A request with this {IdempotencyKeys.Header} is still being processed; retry in a moment.")
                : Problems.Make(StatusCodes.Status409Conflict, "Answer lost", "idempotency.answer_lost",
                    $"The request sent with this {IdempotencyKeys.Header} at {first.RecordedAt} was saved, but its answer could not be kept. "
                    + "Do not send it again: read the resource to see what it recorded.");
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (first.Location is not null) http.Response.Headers.Location = first.Location;
        if (first.ETag is not null) http.Response.Headers.ETag = first.ETag;
        return first.Body is null ? TypedResults.StatusCode(status) : TypedResults.Text(first.Body, "application/json", Encoding.UTF8, status);
    }
}
