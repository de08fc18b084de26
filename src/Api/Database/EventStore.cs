using Investment.Api.Reports;
using Investment.Api.Targets;
using Investment.Api.Certificates;
using Investment.Api.Investors;
using Investment.Api.Leads;
using Investment.Api.Zones;
using JasperFx;
using JasperFx.Events;
using NodaTime.Serialization.SystemTextJson;
using Weasel.Core;

namespace Investment.Api.Database;

public static class EventStore
{
    public static IServiceCollection AddEventStore(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = "investment";
                // Amounts stay JSON numbers in the store (so SQL can add them up); only HTTP writes them as strings.
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
                    configure: json => json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Rich appends give inline projections each event's version and global sequence before the commit:
                // read models carry their version (the ETag) and their position in the log (the paging key).
                options.Events.AppendMode = EventAppendMode.Rich;
                options.RegisterDocumentType<IdempotencyRecord>();
                options.AddZones();
                options.AddInvestors();
                options.AddLeads();
                options.AddCertificates();
                options.AddTargets();
                options.AddReports();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            // One node runs the async projections (pipeline, ledgers); EventStore:AsyncDaemon=Disabled turns it off on a
            // node that must not run them (a rebuild from a tool or a test); issue 7 revisits this for several nodes.
            .AddAsyncDaemon(configuration.GetValue("EventStore:AsyncDaemon", JasperFx.Events.Daemon.DaemonMode.Solo));
        return services;
    }
}
