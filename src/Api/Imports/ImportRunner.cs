using Investment.Api.Certificates;
using Investment.Api.Investors;
using Investment.Api.Leads;
using Investment.Domain.Imports;
using JasperFx;

namespace Investment.Api.Imports;

/// <summary>
/// Runs an import: under a PostgreSQL advisory lock (two admins uploading at once, or the console command beside the
/// API, run one after the other: the second plans against what the first stored, finds it unchanged and stores nothing
/// twice), loads what is stored, plans through the deciders, and stores every event in one transaction with the import
/// record — all or nothing. Each event carries its provenance in Marten's event headers (import id, sheet, row, who
/// ran it, when), which the history endpoints show beside the event's own recording time.
/// </summary>
public sealed class ImportRunner(IDocumentStore store, IClock clock)
{
    /// <summary>The advisory lock key of imports: any number no other lock uses ('imp1' in ASCII).</summary>
    private const long LockKey = 0x696D7031;

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

        await using var lockConnection = store.Storage.Database.CreateConnection();
        await lockConnection.OpenAsync(ct);
        await using var lockTransaction = await lockConnection.BeginTransactionAsync(ct);
        await using (var take = new Npgsql.NpgsqlCommand("select pg_advisory_xact_lock(@key)", lockConnection, lockTransaction))
        {
            take.Parameters.AddWithValue("key", LockKey);
            await take.ExecuteNonQueryAsync(ct);
        }

        await using var session = store.LightweightSession();
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
                contacts.AddRange(await session.Query<ContactEntry>().Where(x => x.Contact.LeadId.IsOneOf(chunk) && !x.Contact.Withdrawn).ToListAsync(ct));
        var contactsOf = contacts.ToLookup(c => c.Contact.LeadId, c => c.ToState().Details);

        var now = clock.GetCurrentInstant();
        var plan = ImportPlanner.Plan(rows,
            [.. investors.Select(i => new KnownInvestor(i.Id, new Domain.Investors.InvestorProfile(i.Investor.LegalName, i.Investor.Country, i.Investor.Sectors,
                i.Investor.Website, i.Investor.Notes, i.Investor.ContactPersons ?? [])))],
            certificates.ToDictionary(c => c.Certificate.Number, c => new KnownCertificate(c.Certificate, c.Version), StringComparer.Ordinal),
            record.RanBy, now, Guid.CreateVersion7, new SynchronousProgress<int>(done => progress?.Report((Math.Min(done, total), total))),
            [.. leads.Select(l => new KnownLead(l.Lead, l.Version, [.. contactsOf[l.Id]]))]);

        record = record with
        {
            Sheets = plan.Sheets, KnownSinceDefaulted = plan.KnownSinceDefaulted, RowsDone = total,
            Note = plan.KnownSinceDefaulted > 0
                ? $"{plan.KnownSinceDefaulted} rows had no known_since: they are recorded as known from their business date, as if entered that day."
                : null,
        };
        var finished = clock.GetCurrentInstant();
        if (plan.Problems.Count > 0) return await Keep(record.Rejected(plan.Problems, finished), ct);
        if (record.DryRun)
            return await Keep(record with
            {
                Status = ImportStatus.Checked, FinishedAt = finished,
                Note = $"Dry run: every row was read and checked; {plan.EventCount} events would be stored, none was. {record.Note}".Trim(),
            }, ct);

        foreach (var write in plan.Streams)
        {
            var events = write.Events.Select(e => (object)e.Data).ToArray();
            var action = write.ExistingVersion is { } version
                ? session.Events.Append(write.Id, version + events.Length, events)
                : write.IsCertificate
                    ? session.Events.StartStream<CertificateDetails>(write.Id, events)
                    : write.IsLead
                        ? session.Events.StartStream<LeadDetails>(write.Id, events)
                        : session.Events.StartStream<InvestorDetails>(write.Id, events);
            for (var i = 0; i < write.Events.Count; i++)
            {
                var e = action.Events[i];
                e.SetHeader(HeaderImportId, record.Id.ToString());
                e.SetHeader(HeaderSheet, write.Events[i].Sheet);
                e.SetHeader(HeaderRow, write.Events[i].Row);
                e.SetHeader(HeaderBy, record.RanBy);
                e.SetHeader(HeaderAt, NodaTime.Text.InstantPattern.ExtendedIso.Format(record.StartedAt));
            }
        }
        var completed = record with { Status = ImportStatus.Completed, FinishedAt = finished, EventsStored = plan.EventCount };
        session.Store(completed);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException)
        {
            // A change by hand landed between our reads and our save (the lock holds imports only): nothing of ours was saved.
            return await Keep(record.Rejected([new ImportProblem("", 0, null, "import.concurrent_change",
                "A fact of this file was recorded by hand while the import ran; nothing was stored. Upload the file again.")], clock.GetCurrentInstant()), ct);
        }
        await lockTransaction.CommitAsync(ct);
        return completed;
    }

    /// <summary>Stores the record of a run that stored no fact (rejected or dry run), so that GET /imports lists it.</summary>
    private async Task<ImportRecord> Keep(ImportRecord record, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(record);
        await session.SaveChangesAsync(ct);
        return record;
    }

    public async Task Save(ImportRecord record, CancellationToken ct) => await Keep(record, ct);
}
