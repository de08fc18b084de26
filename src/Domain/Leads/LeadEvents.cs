using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Leads;

/// <summary>The pipeline's stages, in order. Lost is not a step of the order: a lead is lost from an open stage.</summary>
public enum LeadStage
{
    Prospect,
    Engaged,
    SiteVisit,
    Commitment,
    Applied,
    Certified,
    Lost,
}

public enum LeadSource
{
    TradeMission,
    InvestmentConference,
    EmbassyOrTradeOffice,
    VsipNetwork,
    Referral,
    WalkIn,
    Other,
}

public enum ContactChannel
{
    Meeting,
    Call,
    Email,
    SiteVisit,
    Event,
    VideoCall,
    Other,
}

/// <summary>
/// One prospective project of one registered investor in one zone. The investor's name and country are recorded as
/// known when the lead was opened: the lead lists filter by them without reading the registry.
/// </summary>
public sealed record LeadOpened(
    Guid LeadId,
    Guid InvestorId,
    string InvestorName,
    string InvestorCountry,
    string ZoneCode,
    string ProjectName,
    Sector Sector,
    Money EstimatedCapital,
    LeadSource Source,
    string Owner,
    LocalDate OpenedOn,
    string RecordedBy,
    Instant RecordedAt) : IRecordedEvent;

/// <summary>
/// An event that moves a lead into a stage on a business date. Each such event says here, once, where it moves the lead:
/// the lead's state and the pipeline both apply it through <see cref="Lead.Move"/>.
/// </summary>
public interface IStageMove
{
    LeadStage MovesTo { get; }
    LocalDate MovedOn { get; }
}

/// <summary>The lead moved between open stages; a move backwards carries its reason.</summary>
public sealed record LeadStageChanged(Guid LeadId, LeadStage From, LeadStage To, LocalDate On, string? Reason, string RecordedBy, Instant RecordedAt)
    : IRecordedEvent, IStageMove
{
    LeadStage IStageMove.MovesTo => To;
    LocalDate IStageMove.MovedOn => On;
}

/// <summary>
/// The lead was lost, with the reason's text and (since issue 14) its code and where it went. A LeadLost recorded before
/// codes existed has none of the last three: it reads as <see cref="LossReason.Other"/>, unrecorded (<see cref="LeadLoss"/>).
/// </summary>
public sealed record LeadLost(
    Guid LeadId, LeadStage LostAt, LocalDate On, string Reason, string RecordedBy, Instant RecordedAt,
    LossReason? ReasonCode = null, string? LostToCountry = null, string? LostToZone = null) : IRecordedEvent, IStageMove
{
    LeadStage IStageMove.MovesTo => LeadStage.Lost;
    LocalDate IStageMove.MovedOn => On;
}

/// <summary>A lost lead is taken up again, at the stage it was lost at.</summary>
public sealed record LeadReopened(Guid LeadId, LeadStage At, LocalDate On, string? Reason, string RecordedBy, Instant RecordedAt) : IRecordedEvent, IStageMove
{
    LeadStage IStageMove.MovesTo => At;
    LocalDate IStageMove.MovedOn => On;
}

public sealed record LeadOwnerReassigned(Guid LeadId, string From, string To, string? Reason, string RecordedBy, Instant RecordedAt) : IRecordedEvent;

public sealed record LeadEstimateRevised(Guid LeadId, Money Previous, Money Estimate, string Reason, string RecordedBy, Instant RecordedAt) : IRecordedEvent;

/// <summary>An investment certificate was issued for the lead: the end of its pipeline.</summary>
public sealed record LeadCertified(Guid LeadId, Guid CertificateId, string CertificateNumber, LocalDate On, string RecordedBy, Instant RecordedAt)
    : IRecordedEvent, IStageMove
{
    LeadStage IStageMove.MovesTo => LeadStage.Certified;
    LocalDate IStageMove.MovedOn => On;
}

/// <summary>What was said with whom, when, and what comes next. Officers and investor people are personal data.</summary>
public sealed record ContactDetails(
    Instant OccurredAt,
    ContactChannel Channel,
    IReadOnlyList<string> Officers,
    IReadOnlyList<string> InvestorPeople,
    string Summary,
    string? NextStep,
    LocalDate? FollowUpOn);

public sealed record ContactLogged(Guid LeadId, Guid ContactId, ContactDetails Contact, string RecordedBy, Instant RecordedAt) : IRecordedEvent;

/// <summary>The contact as it should have been logged; the original stays in the history.</summary>
public sealed record ContactCorrected(Guid LeadId, Guid ContactId, ContactDetails Contact, string? Reason, string RecordedBy, Instant RecordedAt)
    : IRecordedEvent;

public sealed record ContactWithdrawn(Guid LeadId, Guid ContactId, string Reason, string RecordedBy, Instant RecordedAt) : IRecordedEvent;
