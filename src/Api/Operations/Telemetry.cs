using System.Diagnostics.Metrics;
using JasperFx.Events.Projections;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Investment.Api.Operations;

/// <summary>
/// Traces and metrics (ASP.NET Core, Npgsql, Marten, the runtime, and the projections' lag) exported over OTLP when an
/// endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or OpenTelemetry:Endpoint); nothing is collected otherwise.
/// Production logs are JSON lines carrying the trace and span ids, and never request bodies.
/// </summary>
public static class Telemetry
{
    public const string MeterName = "Investment.Api";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
            builder.Logging.ClearProviders().AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });

        var endpoint = builder.Configuration["OpenTelemetry:Endpoint"] ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;

        builder.Services.AddHostedService<ProjectionLagMonitor>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("investment-api"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddSource("Npgsql", "Marten")
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "Marten", MeterName)
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        return builder;
    }
}

/// <summary>How many events the async projections are behind the head of the event log, sampled every 5 seconds.</summary>
public sealed partial class ProjectionLagMonitor(IDocumentStore store, ILogger<ProjectionLagMonitor> logger) : BackgroundService
{
    private static readonly Meter Meter = new(Telemetry.MeterName);
    private long lag;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Meter.CreateObservableGauge("investment.projections.lag", () => Interlocked.Read(ref lag), "{event}",
            "Events the slowest async projection still has to apply.");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                var head = (await store.Advanced.FetchEventStoreStatistics(token: stoppingToken)).EventSequenceNumber;
                var shards = await store.Advanced.AllProjectionProgress(token: stoppingToken);
                // Projection shards are named "Projection:Shard"; the daemon's own marks (high water, gaps) are not. Only the
                // registered projections count: a store keeps the rows of those it no longer has (CertificateLedger and
                // LeadActivityLog, issue 18), stuck where they stopped.
                var registered = store.Options.Events.Projections().Select(p => p.Name + ":").ToArray();
                var slowest = shards.Where(s => registered.Any(r => s.ShardName.StartsWith(r, StringComparison.Ordinal)))
                    .Select(s => s.Sequence).DefaultIfEmpty(head).Min();
                Interlocked.Exchange(ref lag, Math.Max(0, head - slowest));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNotSampled(logger, e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection lag not sampled")]
    private static partial void LogNotSampled(ILogger logger, Exception exception);
}
