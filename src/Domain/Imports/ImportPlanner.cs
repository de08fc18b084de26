using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Investment.Domain.Zones;
using NodaTime;

namespace Investment.Domain.Imports;

/// <summary>An investor already stored, as the import compares it.</summary>
public sealed record KnownInvestor(Guid Id, InvestorProfile Profile);

/// <summary>A certificate already stored and its stream version (the import appends after it, or not at all).</summary>
public sealed record KnownCertificate(Certificate Certificate, long Version);

/// <summary>A lead already stored, its stream version, and its contacts that stand (a contact's natural key is its lead and instant).</summary>
public sealed record KnownLead(Lead Lead, long Version, IReadOnlyList<ContactDetails> Contacts);

/// <summary>An event to store, and the row of the file it comes from (its provenance).</summary>
public sealed record PlannedEvent(IRecordedEvent Data, string Sheet, int Row);

/// <summary>The events for one stream: a new one (ExistingVersion null) or one already stored.</summary>
public sealed record PlannedWrite(Guid Id, bool IsCertificate, long? ExistingVersion, List<PlannedEvent> Events, bool IsLead = false);

/// <summary>Per sheet: rows read, facts created, facts already stored unchanged.</summary>
public sealed record SheetOutcome(int Read, int Created, int Unchanged);

/// <summary>
/// What an import would store, or the problems that stop it (then it stores nothing). The plan holds no event: it was
/// checked in full (every problem, every count), and <see cref="Writes"/> plans it again one stream at a time with the
/// same ids and the same events, so a caller stores a batch and lets it go; memory holds the rows and the natural
/// keys, not the events.
/// </summary>
public sealed class ImportPlan(
    IReadOnlyList<ImportProblem> problems, IReadOnlyDictionary<string, SheetOutcome> sheets, int knownSinceDefaulted, int eventCount,
    Func<IProgress<int>?, IEnumerable<PlannedWrite>> writes)
{
    public IReadOnlyList<ImportProblem> Problems => problems;
    public IReadOnlyDictionary<string, SheetOutcome> Sheets => sheets;
    public int KnownSinceDefaulted => knownSinceDefaulted;
    public int EventCount => eventCount;

    /// <summary>The streams to write, in order: investors first (the certificates name them), each certificate as soon as its facts are planned, then the leads.</summary>
    public IEnumerable<PlannedWrite> Writes(IProgress<int>? progress = null) => problems.Count > 0 ? [] : writes(progress);

    public IEnumerable<PlannedWrite> Streams => Writes();
}

/// <summary>
/// Turns the rows of an existing register into the events the API would have recorded had each fact been entered by
/// hand, through the same deciders, in business-date order per certificate. Idempotent by natural keys (investor:
/// folded legal name + country; certificate: number; amendment: certificate + number; inspection: certificate + date;
/// revocation: certificate; lead: investor + zone + folded project name; contact: lead + instant): a fact already stored as the row states it is left unchanged, one stored otherwise is a
/// conflict, never overwritten. Each event is recorded as known from the start of its row's known_since day in Vietnam
/// (the business date's when empty), so "as known on" questions about the years before go-live answer what the old
/// register supports.
/// </summary>
public static class ImportPlanner
{
    public static Instant KnownFrom(LocalDate day) => day.AtStartOfDayInZone(VietnamCalendar.Zone).ToInstant();

    public static ImportPlan Plan(
        ImportRows rows, IReadOnlyCollection<KnownInvestor> storedInvestors, IReadOnlyDictionary<string, KnownCertificate> storedCertificates,
        string by, Instant now, Func<Guid> newId, IProgress<int>? progress = null, IReadOnlyCollection<KnownLead>? storedLeads = null)
    {
        // The second pass replays the first's ids, so its events are the first's: the same deciders over the same rows.
        var ids = new List<Guid>();
        var check = new Planner(rows, storedInvestors, storedCertificates, storedLeads ?? [], by, now, () => { var id = newId(); ids.Add(id); return id; }, progress);
        return check.Check((investors, replayProgress) =>
        {
            var next = 0;
            return new Planner(rows, storedInvestors, storedCertificates, storedLeads ?? [], by, now, () => ids[next++], replayProgress).Replay(investors);
        });
    }

    private sealed class Planner(
        ImportRows rows, IReadOnlyCollection<KnownInvestor> storedInvestors, IReadOnlyDictionary<string, KnownCertificate> storedCertificates,
        IReadOnlyCollection<KnownLead> storedLeads, string by, Instant now, Func<Guid> newId, IProgress<int>? progress)
    {
        private readonly Dictionary<string, WorkingLead> leads = new(StringComparer.Ordinal);
        private readonly HashSet<string> failedLeads = new(rows.FailedLeads, StringComparer.Ordinal);
        private readonly List<ImportProblem> problems = [.. rows.Problems];
        private readonly Dictionary<string, (int Created, int Unchanged)> counts = ImportSheets.All.ToDictionary(s => s.Name, _ => (0, 0));
        private readonly LocalDate today = VietnamCalendar.Today(now);
        private readonly Dictionary<string, List<Party>> byName = [];
        private readonly List<PlannedWrite> investorStreams = [];
        private int defaulted;
        private int done;

        /// <summary>An investor of the file or of the store; a new one gets its registration once the earliest fact naming it is known.</summary>
        private sealed class Party(Guid id, InvestorProfile profile, InvestorRow? row)
        {
            public Guid Id => id;
            public InvestorProfile Profile => profile;
            public InvestorRow? NewRow => row;
            public Instant? EarliestUse { get; set; }
        }

        private sealed class Working(Certificate state, PlannedWrite stream)
        {
            public Certificate State { get; set; } = state;
            public PlannedWrite Stream => stream;
        }

        /// <param name="knownAt">When the lead's opening is recorded: none of its contacts is known before it (stored leads: always known).</param>
        private sealed class WorkingLead(Lead state, PlannedWrite stream, Instant knownAt, List<ContactDetails> contacts)
        {
            public Lead State { get; set; } = state;
            public PlannedWrite Stream => stream;
            public Instant KnownAt => knownAt;
            public List<ContactDetails> Contacts => contacts;
        }

        private void Created(string sheet) => counts[sheet] = (counts[sheet].Created + 1, counts[sheet].Unchanged);
        private void Unchanged(string sheet) => counts[sheet] = (counts[sheet].Created, counts[sheet].Unchanged + 1);
        private void Problem(string sheet, int row, string? column, string code, string message) => problems.Add(new(sheet, row, column, code, message));
        private void Done() { if (++done % 500 == 0) progress?.Report(done); }

        /// <summary>The first pass: every row checked through the deciders, each stream's events counted and let go.</summary>
        public ImportPlan Check(Func<IReadOnlyList<PlannedWrite>, IProgress<int>?, IEnumerable<PlannedWrite>> replay)
        {
            var events = 0;
            foreach (var write in Streams()) events += write.Events.Count;
            RegisterNewInvestors();
            events += investorStreams.Sum(s => s.Events.Count);
            progress?.Report(done);
            var sheets = ImportSheets.All.ToDictionary(s => s.Name, s => new SheetOutcome(rows.RowsRead.GetValueOrDefault(s.Name), counts[s.Name].Created, counts[s.Name].Unchanged));
            var order = ImportSheets.All.Select(s => s.Name).ToList();
            var ordered = problems.OrderBy(p => order.IndexOf(p.Sheet)).ThenBy(p => p.Row).ToList();
            IReadOnlyList<PlannedWrite> investors = [.. investorStreams];
            return new ImportPlan(ordered, sheets, defaulted, ordered.Count > 0 ? 0 : events, p => replay(investors, p));
        }

        /// <summary>The second pass: the new investors as the first pass registered them, then the rest as it is planned again.</summary>
        public IEnumerable<PlannedWrite> Replay(IReadOnlyList<PlannedWrite> investors)
        {
            foreach (var write in investors) yield return write;
            foreach (var write in Streams()) yield return write;
            progress?.Report(done);
        }

        /// <summary>Every stream but the new investors' registrations (their instants are known once every fact naming them is).</summary>
        private IEnumerable<PlannedWrite> Streams()
        {
            foreach (var stored in storedInvestors) Index(new Party(stored.Id, stored.Profile, null));
            PlanInvestors();
            foreach (var write in PlanCertificates()) yield return write;
            PlanLeads();
            PlanContacts();
            foreach (var lead in leads.Values.Where(l => l.Stream.Events.Count > 0)) yield return lead.Stream;
        }

        private static string Key(string country, string name) => $"{country}\n{SearchText.Fold(name)}";

        private void Index(Party party)
        {
            var folded = SearchText.Fold(party.Profile.LegalName);
            if (!byName.TryGetValue(folded, out var list)) byName[folded] = list = [];
            list.Add(party);
        }

        private void PlanInvestors()
        {
            var stored = storedInvestors.ToDictionary(i => Key(i.Profile.Country, i.Profile.LegalName));
            var seen = new Dictionary<string, int>();
            foreach (var row in rows.Investors)
            {
                Done();
                var key = Key(row.Country, row.Name);
                if (seen.TryGetValue(key, out var first))
                {
                    Problem(ImportSheets.Investors, row.Row, "name", "import.duplicate_key", $"'{row.Name}' ({row.Country}) is already on row {first} of this sheet.");
                    continue;
                }
                seen[key] = row.Row;
                if (row.KnownSince is { } known && known > today)
                {
                    Problem(ImportSheets.Investors, row.Row, "known_since", "import.known_since_in_future", $"known_since {known:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
                    continue;
                }
                var profile = InvestorDecider.Normalise(new InvestorProfile(row.Name, row.Country, row.Sectors, row.Website, null, []));
                if (stored.TryGetValue(key, out var existing))
                {
                    var differs = new List<string>();
                    if (row.Sectors.Count > 0 && !row.Sectors.Distinct().OrderBy(s => s).SequenceEqual(existing.Profile.Sectors.OrderBy(s => s))) differs.Add("sectors");
                    if (profile.Website is not null && profile.Website != existing.Profile.Website) differs.Add("website");
                    if (differs.Count > 0)
                        Problem(ImportSheets.Investors, row.Row, differs[0], "import.conflict",
                            $"'{existing.Profile.LegalName}' ({existing.Profile.Country}) is stored with other {string.Join(" and ", differs)}: the import never overwrites a stored fact.");
                    else Unchanged(ImportSheets.Investors);
                    continue;
                }
                var party = new Party(newId(), profile, row);
                Index(party);
                Created(ImportSheets.Investors);
            }
        }

        /// <summary>The investor a certificate row names: by folded legal name, among the file's and the store's.</summary>
        private Party? Resolve(string sheet, int row, string column, string name, Instant usedFrom)
        {
            if (!byName.TryGetValue(SearchText.Fold(name), out var parties) || parties.Count == 0)
            {
                Problem(sheet, row, column, "import.unknown_investor", $"'{name}' is neither on the investors sheet nor registered.");
                return null;
            }
            if (parties.Count > 1)
            {
                Problem(sheet, row, column, "import.ambiguous_investor",
                    $"'{name}' names investors of several countries ({string.Join(", ", parties.Select(p => p.Profile.Country))}): keep one name per country in the file.");
                return null;
            }
            var party = parties[0];
            if (party.EarliestUse is not { } earliest || usedFrom < earliest) party.EarliestUse = usedFrom;
            return party;
        }

        /// <summary>When a fact is recorded as known: its known_since day (checked), or its business date's.</summary>
        private Instant? Known(string sheet, int row, LocalDate businessDate, LocalDate? knownSince)
        {
            if (knownSince is not { } known)
            {
                defaulted++;
                return KnownFrom(businessDate);
            }
            if (known < businessDate)
            {
                Problem(sheet, row, "known_since", "import.known_since_before_date",
                    $"known_since {known:yyyy-MM-dd} is before the fact's own date {businessDate:yyyy-MM-dd}: the authority cannot have known it earlier.");
                return null;
            }
            if (known > today)
            {
                Problem(sheet, row, "known_since", "import.known_since_in_future", $"known_since {known:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
                return null;
            }
            return KnownFrom(known);
        }

        private void Refused(string sheet, int row, Refusal refusal) => Problem(sheet, row, null, refusal.Code, refusal.Detail);

        /// <summary>
        /// Per certificate number, in order: its row (issued, or compared with the stored certificate), then its amendments,
        /// inspections and revocation in business-date order, each decided on the state before it. Its stream is handed on
        /// once its last fact is planned, and its state let go: memory holds one certificate's state at a time.
        /// </summary>
        private IEnumerable<PlannedWrite> PlanCertificates()
        {
            var first = new Dictionary<string, CertificateRow>(StringComparer.Ordinal);
            foreach (var row in rows.Certificates)
            {
                if (first.TryGetValue(row.Number, out var earlier))
                {
                    Done();
                    Problem(ImportSheets.Certificates, row.Row, "number", "import.duplicate_key", $"Certificate {row.Number} is already on row {earlier.Row} of this sheet.");
                    continue;
                }
                first[row.Number] = row;
            }
            var factsOf = Facts();

            foreach (var number in first.Keys.Concat(factsOf.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())
            {
                var working = storedCertificates.TryGetValue(number, out var stored)
                    ? new Working(stored.Certificate, new PlannedWrite(stored.Certificate.Id, true, stored.Version, []))
                    : null;
                if (first.TryGetValue(number, out var row))
                {
                    Done();
                    working = PlanCertificate(row, working);
                }
                // A certificate row with unreadable cells has problems of its own: the rows naming it are not also reported.
                var failed = working is null && rows.FailedCertificateNumbers.Contains(number);
                foreach (var fact in factsOf[number])
                {
                    Done();
                    var (sheet, line) = fact.Row switch
                    {
                        AmendmentRow a => (ImportSheets.Amendments, a.Row),
                        InspectionRow i => (ImportSheets.Inspections, i.Row),
                        RevocationRow r => (ImportSheets.Revocations, r.Row),
                        _ => throw new InvalidOperationException(),
                    };
                    if (working is null)
                    {
                        if (!failed) Problem(sheet, line, "certificate_number", "import.unknown_certificate", $"Certificate {fact.Number} is neither on the certificates sheet nor stored.");
                        continue;
                    }
                    switch (fact.Row)
                    {
                        case AmendmentRow a: Amend(working, a); break;
                        case InspectionRow i: Inspect(working, i); break;
                        case RevocationRow r: Revoke(working, r); break;
                    }
                }
                if (working is { Stream.Events.Count: > 0 }) yield return working.Stream;
            }
        }

        /// <summary>Amendments, inspections and revocations (the first row of each natural key) per certificate number, in business-date order.</summary>
        private ILookup<string, (string Number, LocalDate On, int Order, int Sub, object Row)> Facts()
        {
            var facts = new List<(string Number, LocalDate On, int Order, int Sub, object Row)>();
            Unique(rows.Amendments, a => $"{a.CertificateNumber}\n{a.Number}", ImportSheets.Amendments, a => a.Row, "number",
                a => $"Amendment {a.Number} of certificate {a.CertificateNumber}", a => facts.Add((a.CertificateNumber, a.On, 0, a.Number, a)));
            Unique(rows.Inspections, i => $"{i.CertificateNumber}\n{i.On}", ImportSheets.Inspections, i => i.Row, "on",
                i => $"The inspection of certificate {i.CertificateNumber} on {i.On:yyyy-MM-dd}", i => facts.Add((i.CertificateNumber, i.On, 1, 0, i)));
            Unique(rows.Revocations, r => r.CertificateNumber, ImportSheets.Revocations, r => r.Row, "certificate_number",
                r => $"The revocation of certificate {r.CertificateNumber}", r => facts.Add((r.CertificateNumber, r.On, 2, 0, r)));
            return facts.OrderBy(f => f.On).ThenBy(f => f.Order).ThenBy(f => f.Sub).ToLookup(f => f.Number, StringComparer.Ordinal);
        }

        /// <summary>A certificate row: compared with the stored certificate (unchanged or a conflict), or issued; null when it cannot be.</summary>
        private Working? PlanCertificate(CertificateRow row, Working? stored)
        {
            const string sheet = ImportSheets.Certificates;
            if (ZoneCatalogue.Zones.All(z => z.Code != row.Zone))
                Problem(sheet, row.Row, "zone", "import.unknown_code", $"zone '{row.Zone}' is not a zone code: {string.Join(", ", ZoneCatalogue.Zones.Select(z => z.Code))}.");
            if (Known(sheet, row.Row, row.IssuedOn, row.KnownSince) is not { } knownAt) return stored;
            var investors = row.Investors.Select(name => Resolve(sheet, row.Row, "investors", name, knownAt)).ToList();
            if (investors.Any(i => i is null)) return stored;
            if (investors.Select(i => i!.Id).Distinct().Count() != investors.Count)
            {
                Problem(sheet, row.Row, "investors", "import.duplicate_key", "investors names one investor twice.");
                return stored;
            }
            var parties = investors.Select(i => new CertificateInvestor(i!.Id, i.Profile.LegalName, i.Profile.Country)).ToList();

            if (stored is not null)
            {
                var c = stored.State;
                var differs = new List<string>();
                if (c.ProjectName != row.ProjectName) differs.Add("project_name");
                if (c.ZoneCode != row.Zone) differs.Add("zone");
                if (c.Sector != row.Sector) differs.Add("sector");
                if (c.CapitalAsIssued.Amount != row.Capital.Amount || c.CapitalAsIssued.Currency != row.Capital.Currency) differs.Add("capital_amount");
                if (c.IssuedOn != row.IssuedOn) differs.Add("issued_on");
                if (c.LandAreaAsIssuedHectares != row.LandAreaHectares) differs.Add("land_area_ha");
                if (c.DurationYears != row.DurationYears) differs.Add("duration_years");
                if (!(c.InvestorsAsIssued ?? c.Investors).Select(i => i.InvestorId).SequenceEqual(parties.Select(p => p.InvestorId))) differs.Add("investors");
                if (differs.Count > 0)
                    Problem(sheet, row.Row, differs[0], "import.conflict",
                        $"Certificate {row.Number} is stored with another {string.Join(", ", differs)}: the import never overwrites a stored fact.");
                else Unchanged(sheet);
                return stored;
            }
            var id = newId();
            var decision = CertificateDecider.Issue(new CertificateDecider.IssueCertificate(id, row.Number, row.ProjectName, parties, row.Zone, row.Sector,
                row.Capital, row.LandAreaHectares, row.IssuedOn, row.DurationYears, row.Milestones, null, row.PlannedJobs), new Recording(by, knownAt));
            if (decision.Refusal is { } refusal) { Refused(sheet, row.Row, refusal); return null; }
            var issued = (CertificateIssued)decision.Events.Single();
            Created(sheet);
            return new Working(Certificate.Create(issued), new PlannedWrite(id, true, null, [new PlannedEvent(issued, sheet, row.Row)]));
        }

        private void Unique<T>(IEnumerable<T> items, Func<T, string> key, string sheet, Func<T, int> row, string column, Func<T, string> describe, Action<T> add)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (seen.TryGetValue(key(item), out var first))
                {
                    Problem(sheet, row(item), column, "import.duplicate_key", $"{describe(item)} is already on row {first} of this sheet.");
                    continue;
                }
                seen[key(item)] = row(item);
                add(item);
            }
        }

        private void Record(Working working, Decision decision, string sheet, int row, Func<Certificate, IRecordedEvent, Certificate> apply)
        {
            if (decision.Refusal is { } refusal) { Refused(sheet, row, refusal); return; }
            foreach (var e in decision.Events.Cast<IRecordedEvent>())
            {
                working.Stream.Events.Add(new PlannedEvent(e, sheet, row));
                working.State = apply(working.State, e);
            }
            Created(sheet);
        }

        private void Amend(Working working, AmendmentRow a)
        {
            const string sheet = ImportSheets.Amendments;
            var state = working.State;
            if (state.Amendments.FirstOrDefault(x => x.Number == a.Number) is { } stored)
            {
                var same = stored.On == a.On && stored.ExtensionMonths == a.ExtensionMonths
                    && stored.CapitalChange?.Amount == a.CapitalChange?.Amount && stored.CapitalChange?.Currency == a.CapitalChange?.Currency;
                if (same) Unchanged(sheet);
                else Problem(sheet, a.Row, "number", "import.conflict",
                    $"Amendment {a.Number} of certificate {a.CertificateNumber} is stored dated {stored.On:yyyy-MM-dd} with other figures: the import never overwrites a stored fact.");
                return;
            }
            if (a.Number != state.Amendments.Count + 1)
            {
                Problem(sheet, a.Row, "number", "import.amendment_out_of_sequence",
                    $"Certificate {a.CertificateNumber} has {state.Amendments.Count} amendments before this row's date: the next is number {state.Amendments.Count + 1}, not {a.Number}.");
                return;
            }
            if (Known(sheet, a.Row, a.On, a.KnownSince) is not { } knownAt) return;
            var joining = new List<CertificateInvestor>();
            foreach (var name in a.InvestorsAdded)
                if (Resolve(sheet, a.Row, "investors_added", name, knownAt) is { } party) joining.Add(new CertificateInvestor(party.Id, party.Profile.LegalName, party.Profile.Country));
                else return;
            var leaving = new List<Guid>();
            foreach (var name in a.InvestorsRemoved)
            {
                var current = state.AsOf(a.On).Investors.FirstOrDefault(i => SearchText.Fold(i.Name) == SearchText.Fold(name));
                if (current is null)
                {
                    Problem(sheet, a.Row, "investors_removed", "certificate.investor_not_party", $"'{name}' is not an investor of certificate {a.CertificateNumber} on {a.On:yyyy-MM-dd}.");
                    return;
                }
                leaving.Add(current.InvestorId);
            }
            var decision = CertificateDecider.Amend(state, new CertificateDecider.AmendCertificate(a.On, a.CapitalChange, a.LandAreaHectares, a.ExtensionMonths,
                a.Schedule, a.Objectives, a.Reason,
                joining, leaving, a.PlannedJobs), new Recording(by, knownAt));
            Record(working, decision, sheet, a.Row, (c, e) => c.Apply((CertificateAmended)e));
        }

        private void Inspect(Working working, InspectionRow i)
        {
            const string sheet = ImportSheets.Inspections;
            if (working.State.Inspections.FirstOrDefault(x => x.On == i.On) is { } stored)
            {
                if (stored.Progress == i.Progress && stored.DisbursedUsd == Money.Cents(i.DisbursedUsd)) Unchanged(sheet);
                else Problem(sheet, i.Row, "on", "import.conflict",
                    $"The inspection of certificate {i.CertificateNumber} on {i.On:yyyy-MM-dd} is stored with other findings: the import never overwrites a stored fact.");
                return;
            }
            if (Known(sheet, i.Row, i.On, i.KnownSince) is not { } knownAt) return;
            var decision = CertificateDecider.Inspect(working.State, new CertificateDecider.InspectCertificate(i.On, i.Inspector ?? "imported register", i.Progress,
                Money.Usd(i.DisbursedUsd), i.MilestonesMet, i.Findings, i.VietnameseEmployees, i.ForeignEmployees), new Recording(by, knownAt));
            Record(working, decision, sheet, i.Row, (c, e) => c.Apply((CertificateInspected)e));
        }

        private void Revoke(Working working, RevocationRow r)
        {
            const string sheet = ImportSheets.Revocations;
            if (working.State.Revocation is { } stored)
            {
                if (stored.On == r.On && stored.Ground == r.Ground && stored.DecisionNumber == r.Decision) Unchanged(sheet);
                else Problem(sheet, r.Row, "on", "import.conflict",
                    $"Certificate {r.CertificateNumber} is stored revoked on {stored.On:yyyy-MM-dd} by decision {stored.DecisionNumber}: the import never overwrites a stored fact.");
                return;
            }
            if (Known(sheet, r.Row, r.On, r.KnownSince) is not { } knownAt) return;
            var decision = CertificateDecider.Revoke(working.State, r.On, r.Ground, r.Decision, null, new Recording(by, knownAt));
            Record(working, decision, sheet, r.Row, (c, e) => c.Apply((CertificateRevoked)e));
        }

        private static string LeadKey(Guid investorId, string zone, string project) => $"{investorId}\n{zone}\n{SearchText.Fold(project)}";

        /// <summary>
        /// When a move dated <paramref name="on"/> is recorded: not before the lead is known, nor before its own day. A day
        /// after today is recorded now, so that the decider refuses it as in the future, as it refuses one entered by hand.
        /// </summary>
        private Instant MoveKnown(Instant leadKnown, LocalDate on) => on > today ? now : Instant.Max(leadKnown, KnownFrom(on));

        /// <summary>Leads opened through the same decider as POST /leads, then moved to their stage and lost through the endpoints' deciders.</summary>
        private void PlanLeads()
        {
            foreach (var s in storedLeads)
                leads[LeadKey(s.Lead.InvestorId, s.Lead.ZoneCode, s.Lead.ProjectName)] =
                    new WorkingLead(s.Lead, new PlannedWrite(s.Lead.Id, false, s.Version, [], IsLead: true), Instant.MinValue, [.. s.Contacts]);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in rows.Leads)
            {
                Done();
                var name = ImportRows.LeadName(row.Investor, row.Zone, row.ProjectName);
                if (!PlanLead(row, seen)) failedLeads.Add(name);
            }
        }

        private bool PlanLead(LeadRow row, Dictionary<string, int> seen)
        {
            const string sheet = ImportSheets.Leads;
            if (ZoneCatalogue.Zones.All(z => z.Code != row.Zone))
            {
                Problem(sheet, row.Row, "zone", "import.unknown_code", $"zone '{row.Zone}' is not a zone code: {string.Join(", ", ZoneCatalogue.Zones.Select(z => z.Code))}.");
                return false;
            }
            if (Known(sheet, row.Row, row.OpenedOn, row.KnownSince) is not { } knownAt) return false;
            if (Resolve(sheet, row.Row, "investor", row.Investor, knownAt) is not { } party) return false;
            var key = LeadKey(party.Id, row.Zone, row.ProjectName);
            if (seen.TryGetValue(key, out var first))
            {
                Problem(sheet, row.Row, "project_name", "import.duplicate_key", $"The lead '{row.ProjectName}' of '{row.Investor}' in {row.Zone} is already on row {first} of this sheet.");
                return true; // the first row stands: its contacts are not unknown
            }
            seen[key] = row.Row;
            if (leads.TryGetValue(key, out var stored))
            {
                // The opening as stored, and the stage and loss as stages the lead has been through: a lead moved on by hand
                // since is not a conflict. The estimate is not compared: it may have been revised by hand.
                var l = stored.State;
                var differs = new List<string>();
                if (l.OpenedOn != row.OpenedOn) differs.Add("opened_on");
                if (l.Sector != row.Sector) differs.Add("sector");
                if (l.Source != row.Source) differs.Add("source");
                if (row.Stage is { } stage && l.Stays.All(x => x.Stage != stage)) differs.Add("stage");
                if (row.LostReasonCode is not null && l.Stays.All(x => x.Stage != LeadStage.Lost)) differs.Add("lost_reason_code");
                if (differs.Count > 0)
                    Problem(sheet, row.Row, differs[0], "import.conflict",
                        $"The lead '{l.ProjectName}' is stored with another {string.Join(", ", differs)}: the import never overwrites a stored fact.");
                else Unchanged(sheet);
                return true;
            }
            var id = newId();
            // A lead opened after today is recorded now: the decider refuses it as it refuses one entered by hand.
            var openedAt = row.OpenedOn > today ? now : knownAt;
            var opening = LeadDecider.Open(new LeadDecider.OpenLead(id, party.Id, party.Profile.LegalName, party.Profile.Country, row.Zone, row.ProjectName,
                row.Sector, row.Estimate, row.Source, row.Owner ?? by, row.OpenedOn), new Recording(by, openedAt));
            if (opening.Refusal is { } refused) { Refused(sheet, row.Row, refused); return false; }
            var opened = (LeadOpened)opening.Events.Single();
            var working = new WorkingLead(Lead.Create(opened), new PlannedWrite(id, false, null, [new PlannedEvent(opened, sheet, row.Row)], IsLead: true), knownAt, []);
            if (row.Stage is { } to)
            {
                var on = row.StageOn ?? row.OpenedOn;
                if (!Moved(working, LeadDecider.ChangeStage(working.State, to, on, null, new Recording(by, MoveKnown(knownAt, on))), row.Row)) return false;
            }
            if (row.LostReasonCode is { } code)
            {
                var on = row.LostOn!.Value;
                var loss = new LeadDecider.Loss(code, row.LostToCountry, row.LostToZone);
                if (!Moved(working, LeadDecider.Lose(working.State, row.LostReason ?? LossReasons.Label(code), loss, on, new Recording(by, MoveKnown(knownAt, on))), row.Row))
                    return false;
            }
            leads[key] = working;
            Created(sheet);
            return true;
        }

        private bool Moved(WorkingLead working, Decision decision, int row)
        {
            if (decision.Refusal is { } refusal) { Refused(ImportSheets.Leads, row, refusal); return false; }
            foreach (var e in decision.Events.Cast<IRecordedEvent>())
            {
                working.Stream.Events.Add(new PlannedEvent(e, ImportSheets.Leads, row));
                working.State = working.State.Then([e]);
            }
            return true;
        }

        /// <summary>Contacts logged through the same decider as POST /leads/{id}/contacts, each lead's in the order they happened.</summary>
        private void PlanContacts()
        {
            const string sheet = ImportSheets.Contacts;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in rows.Contacts.OrderBy(c => c.OccurredAt).ThenBy(c => c.Row))
            {
                Done();
                if (failedLeads.Contains(ImportRows.LeadName(row.Investor, row.Zone, row.ProjectName))) continue; // its lead row has problems of its own
                var day = row.OccurredAt.InZone(VietnamCalendar.Zone).Date;
                if (Known(sheet, row.Row, day, row.KnownSince) is not { } knownAt) continue;
                if (!byName.TryGetValue(SearchText.Fold(row.Investor), out var parties) || parties.Count != 1
                    || !leads.TryGetValue(LeadKey(parties[0].Id, row.Zone, row.ProjectName), out var lead))
                {
                    Problem(sheet, row.Row, "project_name", "import.unknown_lead",
                        $"The lead '{row.ProjectName}' of '{row.Investor}' in {row.Zone} is neither on the leads sheet nor stored.");
                    continue;
                }
                var key = $"{lead.Stream.Id}\n{row.OccurredAt.ToUnixTimeTicks()}";
                if (seen.TryGetValue(key, out var first))
                {
                    Problem(sheet, row.Row, "occurred_at_local", "import.duplicate_key", $"A contact of this lead at {row.OccurredAt} is already on row {first} of this sheet.");
                    continue;
                }
                seen[key] = row.Row;
                if (lead.Contacts.FirstOrDefault(c => c.OccurredAt == row.OccurredAt) is { } stored)
                {
                    if (stored.Channel == row.Channel && stored.Summary == row.Summary.Trim()) Unchanged(sheet);
                    else Problem(sheet, row.Row, "summary", "import.conflict",
                        $"A contact of the lead '{row.ProjectName}' at {row.OccurredAt} is stored with another channel or summary: the import never overwrites a stored fact.");
                    continue;
                }
                // Known from its known_since day, but never before it happened nor before its lead was known; one in the
                // future is recorded now, so that the decider refuses it as it refuses one logged by hand.
                var at = Instant.Max(Instant.Max(knownAt, row.OccurredAt), lead.KnownAt);
                if (at > now) at = now;
                var details = new ContactDetails(row.OccurredAt, row.Channel, row.Officers, row.InvestorPeople, row.Summary, row.NextStep, row.FollowUpOn);
                var decision = LeadDecider.LogContact(lead.State, newId(), details, new Recording(by, at));
                if (decision.Refusal is { } refusal) { Refused(sheet, row.Row, refusal); continue; }
                foreach (var e in decision.Events.Cast<IRecordedEvent>())
                {
                    lead.Stream.Events.Add(new PlannedEvent(e, sheet, row.Row));
                    lead.State = lead.State.Then([e]);
                }
                lead.Contacts.Add(details);
                Created(sheet);
            }
        }

        /// <summary>
        /// A new investor is known from its own known_since, or else from the earliest fact naming it (it was in the
        /// register with it), or else from now.
        /// </summary>
        private void RegisterNewInvestors()
        {
            foreach (var party in byName.Values.SelectMany(p => p).Where(p => p.NewRow is not null).OrderBy(p => p.NewRow!.Row))
            {
                var row = party.NewRow!;
                var at = row.KnownSince is { } known ? KnownFrom(known) : party.EarliestUse ?? now;
                if (party.EarliestUse is { } used && used < at)
                {
                    Problem(ImportSheets.Investors, row.Row, "known_since", "import.known_since_after_use",
                        $"known_since {row.KnownSince:yyyy-MM-dd} is after a certificate naming '{row.Name}' was known: the investor was known then.");
                    continue;
                }
                var e = InvestorDecider.Register(party.Id, party.Profile, new Recording(by, at));
                investorStreams.Add(new PlannedWrite(party.Id, false, null, [new PlannedEvent(e, ImportSheets.Investors, row.Row)]));
            }
        }
    }
}
