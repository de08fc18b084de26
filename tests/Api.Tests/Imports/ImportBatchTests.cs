using Investment.Api.Certificates;
using Investment.Api.Imports;
using Investment.Api.Investors;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Imports;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Investment.Api.Tests.Imports;

/// <summary>
/// The store step saves in batches (50 events each in these tests) inside one transaction: an import is stored whole
/// or not at all, and one whose process is gone says so.
/// </summary>
public sealed class ImportBatchTests(ImportFixture fixture) : ImportTest(fixture)
{
    /// <summary>The import lock (pg_advisory_xact_lock of 'imp1'): PostgreSQL shows a bigint key as classid 0, objid the key, objsubid 1.</summary>
    private const string ImportTransaction = """
        select a.backend_xid is not null from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid = 1768779825 and l.objsubid = 1
          and l.database = (select oid from pg_database where datname = current_database())
        """;

    private static List<ImportSource> Sources(IEnumerable<string> paths) =>
        [.. paths.Select(p => new ImportSource(Path.GetFileName(p), p, false, Path.GetFileNameWithoutExtension(p)))];

    [Fact]
    public async Task an_import_cancelled_after_some_batches_were_saved_stores_nothing()
    {
        var registry = Registry.Generate(seed: 21, certificates: 400, prefix: "CUT", zones: ["quang-phu"]);
        var (folder, paths) = CsvFiles(registry, "import-cut");
        var sources = Sources(paths);
        var rows = ImportFile.Read(sources, CancellationToken.None);
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        using var scope = Host.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        using var cancel = new CancellationTokenSource();
        var record = ImportRecord.Start(Guid.CreateVersion7(), false, "cut.csv", "admin.tran", Clock.GetCurrentInstant());
        var wroteBeforeCancel = false;

        // Past three quarters of the progress, half of the storing is done: the open transaction has written (it has an
        // xid, which PostgreSQL gives a transaction at its first write, not at its lock or its reads). Then cancel.
        var progress = new SynchronousProgress<(int Done, int Total)>(p =>
        {
            if (cancel.IsCancellationRequested || p.Done < p.Total * 3 / 4 || p.Done >= p.Total) return;
            using var connection = store.Storage.Database.CreateConnection();
            connection.Open();
            using var query = new NpgsqlCommand(ImportTransaction, connection);
            wroteBeforeCancel = query.ExecuteScalar() is true;
            cancel.Cancel();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.Run(record, rows, progress, cancel.Token));

        Assert.True(wroteBeforeCancel, "No batch had been saved when the import was cancelled: the test proves nothing.");
        await using var session = store.QuerySession();
        Assert.Equal(0, await session.Query<CertificateDetails>().CountAsync(c => c.Certificate.Number.StartsWith("CUT")));
        Assert.Equal(0, await session.Query<InvestorDetails>().CountAsync(i => i.Investor.LegalName.StartsWith("CUT ")));
        Assert.Null(await session.LoadAsync<ImportRecord>(record.Id));

        // The same file imports whole afterwards: the lock went with the rolled-back transaction.
        var done = await runner.Run(record, ImportFile.Read(sources, CancellationToken.None), null, CancellationToken.None);
        Assert.Equal(ImportStatus.Completed, done.Status);
        Assert.True(done.EventsStored > 4 * 50, $"{done.EventsStored} events: fewer than several batches.");
        Assert.Equal(400, await session.Query<CertificateDetails>().CountAsync(c => c.Certificate.Number.StartsWith("CUT")));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task an_import_whose_transaction_stays_open_while_others_write_still_reaches_the_asynchronous_projections()
    {
        // Nothing lost: the import reserves its events' sequence numbers long before it commits. Another write committed
        // meanwhile, with a higher sequence, leaves a gap in the log that lasts past the daemon's stale-gap threshold (3 s);
        // the daemon must wait for the open transaction instead of skipping its events (Marten 9.16.1 and later).
        var registry = Registry.Generate(seed: 22, certificates: 200, prefix: "GAP", zones: ["tinh-phong"]);
        var (folder, paths) = CsvFiles(registry, "import-gap");
        var sources = Sources(paths);
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        using var scope = Host.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var record = ImportRecord.Start(Guid.CreateVersion7(), false, "gap.csv", "admin.tran", Clock.GetCurrentInstant());
        var otherInvestor = Guid.CreateVersion7();
        var wroteMeanwhile = false;

        var progress = new SynchronousProgress<(int Done, int Total)>(p =>
        {
            if (wroteMeanwhile || p.Done < p.Total * 3 / 4 || p.Done >= p.Total) return;
            wroteMeanwhile = true;
            using (var connection = store.Storage.Database.CreateConnection())
            {
                connection.Open();
                using var query = new NpgsqlCommand(ImportTransaction, connection);
                Assert.True(query.ExecuteScalar() is true, "No batch had been saved yet: the test proves nothing.");
            }
            // On the thread pool: the progress is reported synchronously, from inside the import's own await chain.
            Task.Run(async () =>
            {
                await using var other = store.LightweightSession();
                other.Events.StartStream(otherInvestor, new Domain.Investors.InvestorRegistered(otherInvestor,
                    new Domain.Investors.InvestorProfile("GAP meanwhile", "KR", [], null, null, []), "officer.nguyen", Clock.GetCurrentInstant()));
                await other.SaveChangesAsync();
            }).GetAwaiter().GetResult();
            Thread.Sleep(TimeSpan.FromSeconds(5));
            // The zone's copy read now, while the gap lasts, and folded on afterwards from where it stands: had the high-water
            // mark skipped the import's events, the copy would never read them.
            Task.Run(() => Ledgers(store)).GetAwaiter().GetResult();
        });
        var done = await runner.Run(record, ImportFile.Read(sources, CancellationToken.None), progress, CancellationToken.None);

        Assert.True(wroteMeanwhile);
        Assert.Equal(ImportStatus.Completed, done.Status);
        await Host.Settled();
        await using var session = store.QuerySession();
        var issued = await session.Query<CertificateDetails>().Where(c => c.Certificate.Number.StartsWith("GAP")).Select(c => c.Id).ToListAsync();
        Assert.Equal(200, issued.Count);
        // The capital ledgers are folded up to the daemon's high-water mark: every imported certificate has its ledger, none was skipped.
        var ledgers = await Ledgers(store);
        Assert.All(issued, id => Assert.True(ledgers.ContainsKey(id)));
        Assert.NotNull(await session.LoadAsync<InvestorDetails>(otherInvestor));
        folder.Delete(recursive: true);
    }

    /// <summary>The capital ledgers of tinh-phong in the API's copy (<see cref="Investment.Api.Reports.ZoneFacts"/>), folded up to the high-water mark now.</summary>
    private async Task<IReadOnlyDictionary<Guid, Investment.Api.Reports.CertificateLedger>> Ledgers(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var target = Domain.Targets.TargetDecider.IdOf("tinh-phong", 2014);
        var depends = await Investment.Api.Reports.ProgressCache.Dependencies(session, target, "tinh-phong", CancellationToken.None);
        return (await Host.Services.GetRequiredService<Investment.Api.Reports.ZoneFacts>()
            .Of(session, "tinh-phong", target, depends, withLeads: false, CancellationToken.None)).Ledgers;
    }

    [Fact]
    public async Task a_running_import_whose_process_is_gone_reads_as_interrupted_and_says_nothing_was_stored()
    {
        // A background import's record as its process left it when killed: saved as running, its runner's lock gone with it.
        var killed = ImportRecord.Start(Guid.CreateVersion7(), false, "killed.xlsx", "admin.tran", Clock.GetCurrentInstant()) with { RowsTotal = 900, RowsDone = 300 };
        var alive = ImportRecord.Start(Guid.CreateVersion7(), false, "alive.xlsx", "admin.tran", Clock.GetCurrentInstant());
        using var scope = Host.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        await runner.Save(killed, CancellationToken.None);
        await using var running = await runner.HoldRunner(alive.Id, CancellationToken.None);
        await runner.Save(alive, CancellationToken.None);

        var read = await Host.Get<ImportRecord>(Admin, $"/api/v1/imports/{killed.Id}");
        Assert.Equal((ImportStatus.Interrupted, 300, 900, 1), (read.Status, read.RowsDone, read.RowsTotal, read.ProblemCount));
        Assert.Equal("import.interrupted", Assert.Single(read.Problems).Code);
        Assert.Contains("Nothing of it was stored", read.Note, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Running, (await Host.Get<ImportRecord>(Admin, $"/api/v1/imports/{alive.Id}")).Status);

        var listed = await Host.Get<IReadOnlyList<ImportSummary>>(Admin, "/api/v1/imports?limit=100");
        Assert.Equal(ImportStatus.Interrupted, listed.Single(i => i.Id == killed.Id).Status);
        Assert.Equal(ImportStatus.Running, listed.Single(i => i.Id == alive.Id).Status);

        var inVietnamese = await (await Host.Send(Admin, s =>
        {
            s.Get.Url($"/api/v1/imports/{killed.Id}");
            s.WithRequestHeader("Accept-Language", "vi");
        })).Read<ImportRecord>();
        Assert.Contains("không có dữ liệu nào", Assert.Single(inVietnamese.Problems).Message, StringComparison.Ordinal);

        await running.DisposeAsync(); // its process ends
        Assert.Equal(ImportStatus.Interrupted, (await Host.Get<ImportRecord>(Admin, $"/api/v1/imports/{alive.Id}")).Status);
    }
}
