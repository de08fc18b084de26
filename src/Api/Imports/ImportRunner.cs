using Investment.Api.Certificates;
using Investment.Api.Investors;
using Investment.Api.Leads;
using Investment.Domain.Imports;
using JasperFx;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Investment.Api.Imports;

/// <summary>
/// Runs an import in one PostgreSQL transaction, under an advisory lock taken in that transaction (two admins
/// uploading at once, or the console command beside the API, run one after the other: the second plans against what
/// the first stored, finds it unchanged and stores nothing twice). It loads what is stored, checks every row through
/// the deciders (every problem is found before anything is stored), then plans again and stores the events in batches
/// of a few thousand, each batch its own Marten session and SaveChanges over the one transaction (inline projections
/// run per batch, in it), committed with the import record at the end: all or nothing, and memory holds one batch of
/// events, not the file's. Each event carries its provenance in Marten's event headers (import id, sheet, row, who ran
/// it, when), which the history endpoints show beside the event's own recording time.
/// </summary>
public sealed class ImportRunner(IDocumentStore store, IClock clock, IOptions<ImportOptions> options)
{
    /// <summary>The advisory lock key of imports: any number no other lock uses ('imp1' in ASCII).</summary>
    private const long LockKey = 0x696D7031;

    /// <summary>The class of the runners' locks ('imp2'): one per import running in the background, keyed by its id.</summary>
    private const int RunnerLockClass = 0x696D7032;

    public const string HeaderImportId = "importId";
    public const string HeaderSheet = "importSheet";
    public const string HeaderRow = "importRow";
    public const string HeaderBy = "importedBy";
    public const string HeaderAt = "importedAt";

    public async Task<ImportRecord> Run(ImportRecord record, ImportRows rows, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var total = rows.Count;
        record = record with { RowsTotal = total, Sheets = rows.RowsRead.ToDictionary(r => r.Key, r => new SheetOutcome(r.Value, 0, 0)) };
        progress?.Report((0, total));

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction))
        {
            take.Parameters.AddWithValue("key", LockKey);
            await take.ExecuteNonQueryAsync(ct);
        }
        var inTransaction = Marten.Services.SessionOptions.ForTransaction(transaction);

        ImportPlan plan;
        // Checking is the first half of the progress, storing the second (a dry run only checks).
        var half = record.DryRun ? 1 : 2;
        await using (var session = store.QuerySession(inTransaction))
            plan = await Check(session, record, rows, new SynchronousProgress<int>(done => progress?.Report((Math.Min(done, total) / half, total))), ct);

        record = record with
        {
            Sheets = plan.Sheets, KnownSinceDefaulted = plan.KnownSinceDefaulted,
            Note = plan.KnownSinceDefaulted > 0
                ? $"{plan.KnownSinceDefaulted} rows had no known_since: they are recorded as known from their business date, as if entered that day."
                : null,
        };
        if (plan.Problems.Count > 0 || record.DryRun)
        {
            await RollBack(transaction);
            var finished = clock.GetCurrentInstant();
            return await Save(plan.Problems.Count > 0
                ? record.Rejected(plan.Problems, finished) with { RowsDone = total }
                : record with
                {
                    Status = ImportStatus.Checked, FinishedAt = finished, RowsDone = total,
                    Note = $"Dry run: every row was read and checked; {plan.EventCount} events would be stored, none was. {record.Note}".Trim(),
                }, ct);
        }

        var stored = new SynchronousProgress<int>(done => progress?.Report(((total + Math.Min(done, total)) / 2, total)));
        var batch = store.LightweightSession(inTransaction);
        try
        {
            var pending = 0;
            foreach (var write in plan.Writes(stored))
            {
                Append(batch, write, record);
                pending += write.Events.Count;
                if (pending < options.Value.BatchEvents) continue;
                // The batch goes to PostgreSQL (in the transaction, not committed) and out of memory.
                await batch.SaveChangesAsync(ct);
                await batch.DisposeAsync();
                batch = store.LightweightSession(inTransaction);
                pending = 0;
            }
            var completed = record with
            {
                Status = ImportStatus.Completed, FinishedAt = clock.GetCurrentInstant(), RowsDone = total, EventsStored = plan.EventCount,
            };
            batch.Store(completed);
            await batch.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return completed;
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException)
        {
            // A change by hand landed between our reads and a batch (the lock holds imports only): the transaction is rolled back, nothing of ours stays.
            await RollBack(transaction);
            return await Save(record.Rejected([new ImportProblem("", 0, null, "import.concurrent_change",
                "A fact of this file was recorded by hand while the import ran; nothing was stored. Upload the file again.")], clock.GetCurrentInstant()), ct);
        }
        finally
        {
            await batch.DisposeAsync();
        }
    }

    /// <summary>Rolls back what a failed batch may have left open (Marten may have rolled it back already).</summary>
    private static async Task RollBack(NpgsqlTransaction transaction)
    {
        if (transaction.Connection is null) return;
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already completed.
        }
    }

    /// <summary>Loads what the file's natural keys name (investors, its certificates, the leads of its zones) and checks every row against it.</summary>
    private async Task<ImportPlan> Check(IQuerySession session, ImportRecord record, ImportRows rows, IProgress<int> progress, CancellationToken ct)
    {
        var investors = await session.Query<InvestorDetails>().ToListAsync(ct);
        var numbers = rows.Certificates.Select(c => c.Number)
            .Concat(rows.Amendments.Select(a => a.CertificateNumber)).Concat(rows.Inspections.Select(i => i.CertificateNumber))
            .Concat(rows.Revocations.Select(r => r.CertificateNumber)).Distinct(StringComparer.Ordinal).ToArray();
        var certificates = new List<CertificateDetails>();
        foreach (var chunk in numbers.Chunk(5_000))
            certificates.AddRange(await session.Query<CertificateDetails>().Where(x => x.Certificate.Number.IsOneOf(chunk)).ToListAsync(ct));

        // Leads in the zones the file names (a zone's leads are hundreds, not millions), and their standing contacts when the file has contacts.
        var zones = rows.Leads.Select(l => l.Zone).Concat(rows.Contacts.Select(c => c.Zone)).Distinct(StringComparer.Ordinal).ToArray();
        IReadOnlyList<LeadDetails> leads = zones.Length == 0 ? [] : await session.Query<LeadDetails>().Where(x => x.Lead.ZoneCode.IsOneOf(zones)).ToListAsync(ct);
        var contacts = new List<ContactEntry>();
        if (rows.Contacts.Count > 0)
            foreach (var chunk in leads.Select(l => l.Id).Chunk(5_000))
            {
                // The leads' contact events, folded per lead (ContactLog): the contact log is read from the events.
                var events = await session.Events.QueryAllRawEvents()
                    .Where(x => x.StreamId.IsOneOf(chunk) && Marten.Events.LinqExtensions.EventTypesAre(x, typeof(Domain.Leads.ContactLogged), typeof(Domain.Leads.ContactCorrected), typeof(Domain.Leads.ContactWithdrawn)))
                    .OrderBy(x => x.Sequence).ToListAsync(ct);
                contacts.AddRange(events.GroupBy(e => e.StreamId).SelectMany(ContactLog.Of).Where(x => !x.Contact.Withdrawn));
            }
        var contactsOf = contacts.ToLookup(c => c.Contact.LeadId, c => c.ToState().Details);

        return ImportPlanner.Plan(rows,
            [.. investors.Select(i => new KnownInvestor(i.Id, new Domain.Investors.InvestorProfile(i.Investor.LegalName, i.Investor.Country, i.Investor.Sectors,
                i.Investor.Website, i.Investor.Notes, i.Investor.ContactPersons ?? [])))],
            certificates.ToDictionary(c => c.Certificate.Number, c => new KnownCertificate(c.Certificate, c.Version), StringComparer.Ordinal),
            record.RanBy, clock.GetCurrentInstant(), StreamIds.New, progress,
            [.. leads.Select(l => new KnownLead(l.Lead, l.Version, [.. contactsOf[l.Id]]))]);
    }

    private static void Append(IDocumentSession session, PlannedWrite write, ImportRecord record)
    {
        var events = write.Events.Select(e => (object)e.Data).ToArray();
        var action = write.ExistingVersion is { } version
            ? session.Events.Append(write.Id, version + events.Length, events)
            : write.IsCertificate
                ? session.Events.StartStream<CertificateDetails>(write.Id, events)
                : write.IsLead
                    ? session.Events.StartStream<LeadDetails>(write.Id, events)
                    : session.Events.StartStream<InvestorDetails>(write.Id, events);
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Format(record.StartedAt);
        for (var i = 0; i < write.Events.Count; i++)
        {
            var e = action.Events[i];
            e.SetHeader(HeaderImportId, record.Id.ToString());
            e.SetHeader(HeaderSheet, write.Events[i].Sheet);
            e.SetHeader(HeaderRow, write.Events[i].Row);
            e.SetHeader(HeaderBy, record.RanBy);
            e.SetHeader(HeaderAt, at);
        }
    }

    /// <summary>Stores an import's record on its own: a run that stored no fact (rejected or dry run), so that GET /imports lists it, or a background run's progress.</summary>
    public async Task<ImportRecord> Save(ImportRecord record, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(record);
        await session.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// Holds the lock that says an import's runner is alive, until disposed: a session-level advisory lock on a
    /// connection of its own, taken before its record is saved as running and let go after its last record is saved.
    /// PostgreSQL lets it go when the connection ends, so when the process stops, restarts or is killed, no session
    /// holds it any more and the import reads as interrupted.
    /// </summary>
    public async Task<IAsyncDisposable> HoldRunner(Guid id, CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("select pg_advisory_lock(@class, @key)", connection);
            take.Parameters.AddWithValue("class", RunnerLockClass);
            take.Parameters.AddWithValue("key", RunnerKey(id));
            await take.ExecuteNonQueryAsync(ct);
            return new RunnerLock(connection, id);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// An import as it stands: one whose record says running while no session holds its runner's lock was interrupted
    /// (the try takes the lock for its own statement only). Read again when so: the runner saves its last record before
    /// it lets go, so an import that has just finished reads as finished.
    /// </summary>
    public async Task<ImportRecord> AsItStands(ImportRecord record, IQuerySession session, CancellationToken ct)
    {
        if (record.Status != ImportStatus.Running) return record;
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var free = new NpgsqlCommand("select pg_try_advisory_xact_lock(@class, @key)", connection);
            free.Parameters.AddWithValue("class", RunnerLockClass);
            free.Parameters.AddWithValue("key", RunnerKey(record.Id));
            if (await free.ExecuteScalarAsync(ct) is not true) return record;
        }
        var now = await session.LoadAsync<ImportRecord>(record.Id, ct) ?? record;
        return now.Status == ImportStatus.Running ? now.Interrupted() : now;
    }

    private static int RunnerKey(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8]) ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }

    private sealed class RunnerLock(NpgsqlConnection connection, Guid id) : IAsyncDisposable
    {
        private bool released;

        public async ValueTask DisposeAsync()
        {
            if (released) return;
            released = true;
            try
            {
                await using var release = new NpgsqlCommand("select pg_advisory_unlock(@class, @key)", connection);
                release.Parameters.AddWithValue("class", RunnerLockClass);
                release.Parameters.AddWithValue("key", RunnerKey(id));
                await release.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // A broken connection holds no lock.
            }
            await connection.DisposeAsync();
        }
    }
}
