namespace Investment.Api.Reports;

public static class ReportsConfiguration
{
    /// <summary>
    /// The reports register no projection: the zone figures and reports fold the certificates' and leads' events in the
    /// process's copy (<see cref="ZoneFacts"/>, issue 18), up to the async daemon's high-water mark. As async projections
    /// (CertificateLedger, LeadActivityLog) they cost every certificate and every contact the daemon's load and write, on
    /// the cores the writes share. The high-water mark moves while the daemon runs an async projection (the pipeline's).
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddSingleton<ProgressCache>().AddSingleton<ZoneFacts>()
        .Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Converters.Add(new CapitalMovementJson()));
}
