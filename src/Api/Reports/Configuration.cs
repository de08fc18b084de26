using JasperFx.Events.Projections;

namespace Investment.Api.Reports;

public static class ReportsConfiguration
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddSingleton<ProgressCache>().AddSingleton<ZoneFacts>()
        .Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Converters.Add(new CapitalMovementJson()));

    public static void AddReports(this StoreOptions options)
    {
        // Async: zone figures and reports may trail the writes they count by a moment; keeping them off the write path
        // keeps issuing a certificate and logging a contact cheap. Tests wait for the daemon before reading them. The leads'
        // facts are folded from their events by ZoneFacts (no projection: the daemon rewrote a lead's log at each contact).
        options.Projections.Add<CertificateLedgerProjection>(ProjectionLifecycle.Async, EventStoreSetup.Batching);
        options.Schema.For<CertificateLedger>().Index(x => x.ZoneCode);
    }
}
