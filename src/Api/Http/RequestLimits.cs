using Microsoft.AspNetCore.Http.Features;

namespace Investment.Api.Http;

/// <summary>
/// Bodies are small JSON documents: anything over 1 MiB is refused with 413 before it is read. Kestrel enforces the
/// same limit on chunked bodies (it throws while reading, which the exception handler answers with 413).
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await ProblemDetailsSetup.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "request.too_large",
                $"The body may be at most {MaxBodyBytes} bytes.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        await next(context);
    });
}
