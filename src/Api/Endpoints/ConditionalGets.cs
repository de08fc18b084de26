using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Investment.Api.Endpoints;

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
            || HandlerResults.Unwrap(result) is not (IStatusCodeHttpResult { StatusCode: 200 } and IValueHttpResult { Value: { } value }))
            return result;

        byte[]? body = null;
        if (http.Response.Headers.ETag.Count == 0)
        {
            // Hash the body, then send those same bytes: serialising it a second time cost a third of a register page's CPU.
            body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Json.Options);
            http.Response.Headers.ETag = ETagOf(body);
        }
        var current = EntityTagHeaderValue.Parse(http.Response.Headers.ETag.ToString());
        var wanted = http.Request.GetTypedHeaders().IfNoneMatch;
        if (wanted.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return body is null ? result : TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    /// <summary>The weak ETag of a JSON body: a hash of its bytes.</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) => $"W/\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..32]}\"";
}

public static class ConditionalGets
{
    public static RouteGroupBuilder WithConditionalGets(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ConditionalGetFilter>().WithMetadata(new AnswersNotModified());
        return group;
    }
}

public static class HandlerResults
{
    /// <summary>The result a handler returned, unwrapped from its Results&lt;…&gt; union.</summary>
    public static IResult? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        return result as IResult;
    }
}
