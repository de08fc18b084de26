using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Investment.Api.Http;

/// <summary>Marks the reads that answer 304 to If-None-Match.</summary>
public sealed record AnswersNotModified;

/// <summary>
/// Phones re-read the same lead or list often over slow networks. Every JSON read carries an ETag — the stream version
/// where the handler set one, else a hash of the body — and answers 304 Not Modified, with no body, when the client's
/// If-None-Match already names it.
/// </summary>
public sealed class ConditionalGetFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method)
            || IdempotencyKeys.Unwrap(result) is not (IStatusCodeHttpResult { StatusCode: 200 } and IValueHttpResult { Value: { } value }))
            return result;

        if (http.Response.Headers.ETag.Count == 0)
            http.Response.Headers.ETag = $"W/\"{IdempotencyKeys.Hash(JsonSerializer.Serialize(value, value.GetType(), Json.Options))[..32]}\"";
        var current = EntityTagHeaderValue.Parse(http.Response.Headers.ETag.ToString());
        var wanted = http.Request.GetTypedHeaders().IfNoneMatch;
        return wanted.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : result;
    }
}

public static class ConditionalGets
{
    public static RouteGroupBuilder WithConditionalGets(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ConditionalGetFilter>().WithMetadata(new AnswersNotModified());
        return group;
    }
}
