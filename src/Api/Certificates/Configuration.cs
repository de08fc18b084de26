using JasperFx.Events.Projections;

namespace Investment.Api.Certificates;

public static class CertificatesConfiguration
{
    public static void AddCertificates(this StoreOptions options)
    {
        // Inline: officers read back what they recorded, and the unique index on the number is checked in the same
        // transaction as the issue, so two certificates can never share a number.
        options.Projections.Add<CertificateDetailsProjection>(ProjectionLifecycle.Inline, EventStoreSetup.Batching);
        // The register is mostly read a zone at a time, newest or largest first: (zone, sort key) reads exactly one page
        // from the index. With the sort key alone, PostgreSQL read the whole register backwards and unpacked every
        // certificate to test its zone (3 ms for a page of dung-quat in the benchmark's store). The sort keys alone
        // (their columns' indexes) serve the register of every zone.
        // The sort keys are columns of their own (each with its index; Marten fills them from the documents' JSON when it adds
        // them): a page is ordered by a value in the row, which PostgreSQL read from the document before, fetching and
        // unpacking each listed certificate's document from TOAST (4 buffers a row, issue 18) though the page only
        // answers the row's register_row.
        // The zone is a column of its own too: Marten's LINQ passes a JSON path's keys as parameters (data -> $3 ->> $4),
        // which no expression index matches once PostgreSQL plans the prepared statement generically; it then read the
        // register backwards by key and unpacked each document to test its zone (1.9 ms a page in the benchmark against
        // 0.26 ms by hand with literals). A plain column matches the (zone, key) indexes in every plan.
        options.Schema.For<CertificateDetails>()
            .Duplicate(x => x.Certificate.ZoneCode)
            .Duplicate(x => x.IssuedKey)
            .Duplicate(x => x.CapitalKey)
            .UniqueIndex("certificate_number", x => x.Certificate.Number)
            .Index(x => new { x.Certificate.ZoneCode, x.IssuedKey })
            .Index(x => new { x.Certificate.ZoneCode, x.CapitalKey })
            // The watchlist of a date reads the certificates whose watch periods hold it, through a GiST index (issue 18).
            .Duplicate(x => x.WatchPeriods, pgType: "datemultirange", dbType: NpgsqlTypes.NpgsqlDbType.Unknown, configure: index => index.Method = Weasel.Postgresql.Tables.IndexMethod.gist)
            // The documents stored before their periods were kept (none after rebuild-projections), which the watchlist reads
            // whole: a GiST index answers "is null" by reading all of itself (290 buffers for each watchlist of the benchmark).
            .Index(x => x.Id, index =>
            {
                index.Name = "mt_doc_certificatedetails_idx_without_watch_periods";
                index.Predicate = "watch_periods is null";
            });
    }
}
