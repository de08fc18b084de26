using Investment.Api.Database;
using JasperFx.Events.Projections;

namespace Investment.Api.Certificates;

public static class CertificatesConfiguration
{
    public static void AddCertificates(this StoreOptions options)
    {
        // Inline: officers read back what they recorded, and the unique index on the number is checked in the same
        // transaction as the issue, so two certificates can never share a number.
        options.Projections.Add<CertificateDetailsProjection>(ProjectionLifecycle.Inline, EventStore.Batching);
        options.Schema.For<CertificateDetails>()
            .UniqueIndex("certificate_number", x => x.Certificate.Number)
            .Index(x => x.Certificate.ZoneCode)
            .Index(x => x.IssuedKey)
            .Index(x => x.CapitalKey);
    }
}
