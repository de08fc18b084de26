using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Certificates;

public enum CertificateStatus
{
    Active,
    Suspended,
    Revoked,
}

public enum Progress
{
    OnSchedule,
    Delayed,
    Stalled,
}

/// <summary>
/// The grounds for ending a certificate (Law on Investment 67/2014/QH13, Article 48(1); domain.md). Stable codes:
/// clients and reports key on them.
/// </summary>
public enum RevocationGround
{
    /// <summary>The investor decides to stop the project.</summary>
    InvestorDecision,
    /// <summary>A condition of the investor's own contract or charter.</summary>
    ContractOrCharterCondition,
    /// <summary>The project's duration expired.</summary>
    DurationExpired,
    /// <summary>The cause of a suspension was not remedied.</summary>
    SuspensionNotRemedied,
    /// <summary>The site was lost and no new location was found within 6 months.</summary>
    SiteLostNotRelocated,
    /// <summary>The investor cannot be reached 12 months after the project stopped.</summary>
    InvestorUnreachable,
    /// <summary>More than 12 months behind the registered schedule with no extension allowed.</summary>
    BehindScheduleNoExtension,
    /// <summary>A court judgment or an arbitral award.</summary>
    CourtOrArbitration,
}

/// <summary>A registered investor of the certificate, as known when it joined it.</summary>
/// <param name="SharePercent">The investor's share of the capital, in percent, where known.</param>
public sealed record CertificateInvestor(Guid InvestorId, string Name, string Country, decimal? SharePercent = null);

public enum InvestorChangeKind
{
    /// <summary>Investors joined the project; none left.</summary>
    Joined,
    /// <summary>Investors left the project (a joint-venture partner withdrew); none joined.</summary>
    Left,
    /// <summary>Some left and others joined: a partner replaced, or the project transferred (chuyển nhượng dự án) when all left.</summary>
    Replaced,
}

/// <summary>
/// Who joined and who left the certificate's investors with an amendment. Movements of capital dated on or after the
/// amendment are attributed to the investors as they stand after it.
/// </summary>
/// <param name="Joined">The investors who joined, with their share of the capital where known.</param>
/// <param name="Left">The investors who left, as they stood on the certificate.</param>
public sealed record InvestorChange(IReadOnlyList<CertificateInvestor> Joined, IReadOnlyList<CertificateInvestor> Left)
{
    public InvestorChangeKind Kind => Joined.Count == 0 ? InvestorChangeKind.Left : Left.Count == 0 ? InvestorChangeKind.Joined : InvestorChangeKind.Replaced;

    /// <summary>The investors after the change: those who stayed, in their order, then those who joined.</summary>
    public IReadOnlyList<CertificateInvestor> Applied(IReadOnlyList<CertificateInvestor> investors) =>
        [.. investors.Where(i => Left.All(l => l.InvestorId != i.InvestorId)), .. Joined];
}

/// <summary>A named step of the implementation schedule and the date it is due.</summary>
public sealed record Milestone(string Name, LocalDate Due);

public sealed record CertificateIssued(
    Guid CertificateId,
    string Number,
    string ProjectName,
    IReadOnlyList<CertificateInvestor> Investors,
    string ZoneCode,
    Sector Sector,
    Money Capital,
    decimal LandAreaHectares,
    LocalDate IssuedOn,
    int DurationYears,
    IReadOnlyList<Milestone> Schedule,
    Guid? LeadId,
    string RecordedBy,
    Instant RecordedAt,
    int? PlannedEmployees = null) : IRecordedEvent;

/// <summary>
/// Amendment number <see cref="Number"/>: what changed, each part optional. CapitalChange is signed (a reduction is
/// negative); ExtensionMonths moves every milestone not yet met; Schedule replaces the milestones outright; Investors
/// says who joined and who left; PlannedEmployees is the number of employees planned from now on. The last two were
/// added later: events stored before them read as null (no change).
/// </summary>
public sealed record CertificateAmended(
    Guid CertificateId,
    int Number,
    LocalDate On,
    Money? CapitalChange,
    decimal? LandAreaHectares,
    int ExtensionMonths,
    IReadOnlyList<Milestone>? Schedule,
    string? Objectives,
    string Reason,
    string RecordedBy,
    Instant RecordedAt,
    InvestorChange? Investors = null,
    int? PlannedEmployees = null) : IRecordedEvent;

/// <summary>
/// An inspection: progress, the capital disbursed so far (cumulative, as of the inspection's date: the realised capital)
/// and, where counted, the employees actually working, Vietnamese and foreign (added later: null on older events).
/// </summary>
public sealed record CertificateInspected(
    Guid CertificateId,
    LocalDate On,
    string Inspector,
    Progress Progress,
    Money DisbursedSoFar,
    IReadOnlyList<string> MilestonesMet,
    string Findings,
    string RecordedBy,
    Instant RecordedAt,
    int? VietnameseEmployees = null,
    int? ForeignEmployees = null) : IRecordedEvent;

public sealed record CertificateSuspended(Guid CertificateId, LocalDate On, string Reason, string RecordedBy, Instant RecordedAt) : IRecordedEvent;

public sealed record CertificateResumed(Guid CertificateId, LocalDate On, string? Note, string RecordedBy, Instant RecordedAt) : IRecordedEvent;

/// <summary>Final: nothing may happen to a revoked certificate.</summary>
public sealed record CertificateRevoked(
    Guid CertificateId, LocalDate On, RevocationGround Ground, string DecisionNumber, string? Note, string RecordedBy, Instant RecordedAt)
    : IRecordedEvent;
