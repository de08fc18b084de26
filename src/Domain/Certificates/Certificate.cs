using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Certificates;

/// <param name="CapitalChangeUsd">Signed: positive when capital was added, negative when reduced, 0 when unchanged.</param>
/// <param name="Investors">Who joined and who left with this amendment; absent when the investors did not change.</param>
/// <param name="PlannedEmployees">The employees planned from this amendment on; absent when unchanged.</param>
public sealed record Amendment(
    int Number, LocalDate On, Money? CapitalChange, decimal CapitalChangeUsd, decimal? LandAreaHectares, int ExtensionMonths,
    IReadOnlyList<Milestone>? Schedule, string? Objectives, string Reason, InvestorChange? Investors = null, int? PlannedEmployees = null);

/// <param name="DisbursedUsd">The capital disbursed so far (cumulative) as of the inspection's date, in USD.</param>
/// <param name="VietnameseEmployees">Vietnamese employees working on the project on the inspection's date, where counted.</param>
/// <param name="ForeignEmployees">Foreign employees working on the project on the inspection's date, where counted.</param>
public sealed record Inspection(
    LocalDate On, string? Inspector, Progress Progress, Money DisbursedSoFar, decimal DisbursedUsd, IReadOnlyList<string> MilestonesMet, string Findings,
    int? VietnameseEmployees = null, int? ForeignEmployees = null);

public sealed record Suspension(LocalDate From, string Reason, LocalDate? To);

public sealed record Revocation(LocalDate On, RevocationGround Ground, string DecisionNumber, string? Note);

/// <summary>A milestone as the schedule stands: its registered due date, the due date after extensions, when it was met.</summary>
public sealed record ScheduledMilestone(string Name, LocalDate RegisteredDue, LocalDate Due, LocalDate? MetOn);

/// <summary>
/// An investment certificate and everything that happened to it. The lists (amendments, inspections, suspensions) are
/// kept whole so that any question can be asked as of any business date (<see cref="AsOf"/>); the other members are the
/// answers as of the latest event, for reading.
/// </summary>
/// <param name="Investors">The investors now (after every change of investors), in order; the first is the lead investor.</param>
/// <param name="InvestorsAsIssued">The investors named when the certificate was issued.</param>
/// <param name="PlannedEmployees">The employees planned now: as issued or as last amended; absent when never stated.</param>
/// <param name="RealisedUsd">The realised capital (vốn thực hiện): capital disbursed so far, from the latest inspection; 0.00 before any.</param>
/// <param name="RealisationRate">Realised over registered capital (realisedUsd / capitalUsd), to 4 decimals; absent when the capital is 0.</param>
public sealed record Certificate(
    Guid Id,
    string Number,
    string ProjectName,
    IReadOnlyList<CertificateInvestor> Investors,
    string ZoneCode,
    Sector Sector,
    Money CapitalAsIssued,
    decimal CapitalAsIssuedUsd,
    decimal CapitalUsd,
    decimal LandAreaHectares,
    decimal LandAreaAsIssuedHectares,
    LocalDate IssuedOn,
    int DurationYears,
    IReadOnlyList<Milestone> RegisteredSchedule,
    Guid? LeadId,
    CertificateStatus Status,
    IReadOnlyList<Amendment> Amendments,
    IReadOnlyList<Inspection> Inspections,
    IReadOnlyList<Suspension> Suspensions,
    Revocation? Revocation,
    IReadOnlyList<ScheduledMilestone> Schedule,
    int ExtensionMonthsUsed,
    Inspection? LastInspection,
    IReadOnlyList<CertificateInvestor>? InvestorsAsIssued = null,
    int? PlannedEmployeesAsIssued = null,
    int? PlannedEmployees = null,
    decimal RealisedUsd = 0m,
    decimal? RealisationRate = null)
{
    /// <summary>The most months an investment schedule may be extended in total (Law on Investment 67/2014/QH13, Article 46(4)).</summary>
    public const int MaxExtensionMonths = 24;

    public static Certificate Create(CertificateIssued e) => Refresh(new Certificate(
        e.CertificateId, e.Number, e.ProjectName, e.Investors, e.ZoneCode, e.Sector, e.Capital, e.Capital.InUsd(), e.Capital.InUsd(),
        e.LandAreaHectares, e.LandAreaHectares, e.IssuedOn, e.DurationYears, e.Schedule, e.LeadId, CertificateStatus.Active, [], [], [], null, [], 0, null,
        e.Investors, e.PlannedEmployees, e.PlannedEmployees));

    public Certificate Apply(CertificateAmended e) => Refresh(this with
    {
        CapitalUsd = CapitalUsd + (e.CapitalChange?.InUsd() ?? 0.00m),
        LandAreaHectares = e.LandAreaHectares ?? LandAreaHectares,
        Investors = e.Investors?.Applied(Investors) ?? Investors,
        PlannedEmployees = e.PlannedEmployees ?? PlannedEmployees,
        Amendments = [.. Amendments, new Amendment(e.Number, e.On, e.CapitalChange, e.CapitalChange?.InUsd() ?? 0.00m, e.LandAreaHectares,
            e.ExtensionMonths, e.Schedule, e.Objectives, e.Reason, e.Investors, e.PlannedEmployees)],
    });

    public Certificate Apply(CertificateInspected e) => Refresh(this with
    {
        Inspections = [.. Inspections, new Inspection(e.On, e.Inspector, e.Progress, e.DisbursedSoFar, e.DisbursedSoFar.InUsd(), e.MilestonesMet, e.Findings,
            e.VietnameseEmployees, e.ForeignEmployees)],
    });

    public Certificate Apply(CertificateSuspended e) =>
        this with { Status = CertificateStatus.Suspended, Suspensions = [.. Suspensions, new Suspension(e.On, e.Reason, null)] };

    public Certificate Apply(CertificateResumed e) =>
        this with { Status = CertificateStatus.Active, Suspensions = [.. Suspensions.SkipLast(1), Suspensions[^1] with { To = e.On }] };

    public Certificate Apply(CertificateRevoked e) =>
        this with { Status = CertificateStatus.Revoked, Revocation = new Revocation(e.On, e.Ground, e.DecisionNumber, e.Note) };

    /// <summary>For partners: the officers who inspected are not named.</summary>
    public Certificate WithoutPersonalData() => this with
    {
        Inspections = [.. Inspections.Select(i => i with { Inspector = null })],
        LastInspection = LastInspection is null ? null : LastInspection with { Inspector = null },
    };

    /// <summary>The certificate as it stood at the end of a business date: only what is dated on or before it counts.</summary>
    public Certificate AsOf(LocalDate date)
    {
        var amendments = Amendments.Where(a => a.On <= date).ToList();
        var suspensions = Suspensions.Where(s => s.From <= date).Select(s => s.To > date ? s with { To = null } : s).ToList();
        var revocation = Revocation?.On <= date ? Revocation : null;
        return Refresh(this with
        {
            Amendments = amendments,
            Inspections = [.. Inspections.Where(i => i.On <= date)],
            Suspensions = suspensions,
            Revocation = revocation,
            CapitalUsd = CapitalAsIssuedUsd + amendments.Sum(a => a.CapitalChangeUsd),
            // Certificates stored before investors could change have no InvestorsAsIssued: theirs never changed.
            Investors = amendments.Aggregate(InvestorsAsIssued ?? Investors, (investors, a) => a.Investors?.Applied(investors) ?? investors),
            PlannedEmployees = amendments.LastOrDefault(a => a.PlannedEmployees is not null)?.PlannedEmployees ?? PlannedEmployeesAsIssued,
            LandAreaHectares = amendments.LastOrDefault(a => a.LandAreaHectares is not null)?.LandAreaHectares ?? LandAreaAsIssuedHectares,
            Status = revocation is not null ? CertificateStatus.Revoked
                : suspensions is [.., { To: null }] ? CertificateStatus.Suspended
                : CertificateStatus.Active,
        });
    }

    /// <summary>The latest business date a status change happened on (issue, suspension, resumption, revocation).</summary>
    public LocalDate LastStatusChange =>
        new[] { Revocation?.On, Suspensions.Count > 0 ? Suspensions[^1].To ?? Suspensions[^1].From : null }
            .Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(IssuedOn).Max();

    /// <summary>The derived members: schedule after extensions and replacements, months of extension used, last inspection.</summary>
    private static Certificate Refresh(Certificate c)
    {
        var schedule = c.RegisteredSchedule.Select(m => new ScheduledMilestone(m.Name, m.Due, m.Due, null)).ToList();
        var used = 0;
        foreach (var amendment in c.Amendments.OrderBy(a => a.Number))
        {
            if (amendment.Schedule is { } replaced)
                schedule = [.. replaced.Select(m => new ScheduledMilestone(m.Name, m.Due, m.Due, null))];
            if (amendment.ExtensionMonths > 0)
            {
                var met = MetOn(c.Inspections, amendment.On);
                schedule = [.. schedule.Select(m => met.ContainsKey(m.Name) ? m : m with { Due = m.Due.PlusMonths(amendment.ExtensionMonths) })];
                used += amendment.ExtensionMonths;
            }
        }
        var metOn = MetOn(c.Inspections, LocalDate.MaxIsoValue);
        var last = c.Inspections.OrderBy(i => i.On).LastOrDefault();
        var realised = Money.Cents(last?.DisbursedUsd ?? 0m);
        return c with
        {
            RealisedUsd = realised,
            RealisationRate = c.CapitalUsd > 0 ? Math.Round(realised / c.CapitalUsd, 4, MidpointRounding.AwayFromZero) : null,
            Schedule = [.. schedule.Select(m => m with { MetOn = metOn.TryGetValue(m.Name, out var on) ? on : null })],
            ExtensionMonthsUsed = used,
            LastInspection = last,
        };
    }

    /// <summary>Each milestone's first inspection on or before the date that found it met.</summary>
    private static Dictionary<string, LocalDate> MetOn(IEnumerable<Inspection> inspections, LocalDate until) =>
        inspections.Where(i => i.On <= until).OrderBy(i => i.On)
            .SelectMany(i => i.MilestonesMet.Select(name => (name, i.On)))
            .GroupBy(x => x.name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().On, StringComparer.Ordinal);
}
