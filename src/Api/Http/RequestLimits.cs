using Microsoft.AspNetCore.Http.Features;

namespace Investment.Api.Http;

/// <summary>
/// Bodies are small JSON documents: anything over 1 MiB is refused with 413 before it is read. Kestrel enforces the
/// same limit on chunked bodies (it throws while reading, which the exception handler answers with 413). An endpoint
/// that takes files declares its own limit (IRequestSizeLimitMetadata: the registry import).
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var max = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            await ProblemDetailsSetup.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "request.too_large",
                $"The body may be at most {max} bytes.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max;
        await next(context);
    });
}
