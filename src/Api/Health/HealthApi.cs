using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Investment.Api.Health;

public static class HealthApi
{
    public static IServiceCollection AddApiHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Anonymous: a load balancer asks /health/live (the process answers) and /health/ready (the database answers too).
    /// Never rate-limited: a container's HEALTHCHECK and a load balancer share an address with whatever else comes
    /// from there, and a flood from it must not make a healthy instance look dead.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false })
            .AllowAnonymous().DisableRateLimiting().WithMetadata(new HttpMethodMetadata(["GET", "HEAD"])).WithTags("Health");
        // A trivial JSON answer: load balancers may use it, and the benchmark measures the HTTP ceiling with it.
        app.MapGet("/health/ping", () => TypedResults.Ok(new Pong("ok"))).AllowAnonymous().DisableRateLimiting().WithTags("Health")
            .WithName("Ping").WithSummary("A trivial JSON answer from this instance");
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") })
            .AllowAnonymous().DisableRateLimiting().WithMetadata(new HttpMethodMetadata(["GET", "HEAD"])).WithTags("Health");
        return app;
    }
}

public sealed record Pong(string Status);

public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OutOfMemoryException) // whatever the cause, the database is not usable
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
