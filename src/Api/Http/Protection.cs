using System.IO.Compression;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;

namespace Investment.Api.Http;

/// <summary>
/// What keeps the API well-behaved with clients it does not control: a request budget per client, compressed answers,
/// security headers, and CORS only for the origins an operator lists.
/// </summary>
public static class Protection
{
    public const string CorsPolicy = "allow-list";

    /// <param name="configuration">RateLimiting:PermitsPerMinute (default 600) per client; Cors:AllowedOrigins (default none).</param>
    public static IServiceCollection AddProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:PermitsPerMinute", 600);
        services.AddRateLimiter(options =>
        {
            // A client is its token's subject, else its address: one noisy partner tool cannot starve the officers.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(ClientOf(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permits,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemDetailsSetup.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "request.rate_limited",
                    $"This client sent more than {permits} requests in a minute; retry after {retryAfter} seconds.");
            };
        });

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "text/csv", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Length > 0)
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
                    .WithExposedHeaders("ETag", "Location", "Retry-After", "Idempotent-Replayed");
        }));
        return services;
    }

    public static IApplicationBuilder UseProtection(this IApplicationBuilder app) =>
        app.UseResponseCompression().UseCors(CorsPolicy).Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // Swagger UI runs its own scripts and styles, and a page that sets its own policy keeps it; everything
                // else is data and needs none.
                if (!context.Request.Path.StartsWithSegments("/swagger") && headers.ContentSecurityPolicy.Count == 0)
                    headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                // Answers may hold personal data: no shared cache keeps them; clients revalidate with If-None-Match.
                if (context.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "private, no-cache";
                return Task.CompletedTask;
            });
            await next(context);
        });

    private static string ClientOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? "sub:" + http.User.Subject() : "ip:" + http.Connection.RemoteIpAddress;
}
