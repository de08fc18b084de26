using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Leads;

/// <summary>A contact as the lead's details count it: when it happened and the follow-up it asked for.</summary>
public sealed record ContactMark(Guid ContactId, Instant OccurredAt, LocalDate? FollowUpOn);

public sealed record TimeInStage(LeadStage Stage, int Days);

/// <summary>
/// A lead as officers read it: stage, owner, estimate (as stated and in USD), the stays in each stage, the last
/// contact and the next follow-up (the one asked for by the latest contact). timeInStages is computed when read, from
/// the clock: a projection never reads the clock.
/// </summary>
public sealed record LeadDetails(
    Guid Id,
    Guid InvestorId,
    string InvestorName,
    string InvestorCountry,
    string ZoneCode,
    string ProjectName,
    Sector Sector,
    Money EstimatedCapital,
    decimal EstimatedCapitalUsd,
    LeadSource Source,
    string Owner,
    LeadStage Stage,
    LeadStage? LostAt,
    string? LostReason,
    LocalDate OpenedOn,
    IReadOnlyList<StageStay> Stays,
    IReadOnlyList<ContactMark> Contacts,
    Instant? LastContactAt,
    LocalDate? NextFollowUpOn,
    Guid? CertificateId,
    long Position,
    long Version,
    IReadOnlyList<TimeInStage>? TimeInStages = null) : IVersioned
{
    public Lead ToLead() => new(Id, Stage, LostAt, Owner, EstimatedCapital, Stays[^1].EnteredOn);

    /// <summary>The days spent in each stage, the current stay counted up to today in Vietnam.</summary>
    public LeadDetails AsOf(Instant now)
    {
        var days = Lead.DaysInStages(Stays, VietnamCalendar.Today(now));
        return this with { TimeInStages = [.. days.OrderBy(d => d.Key).Select(d => new TimeInStage(d.Key, d.Value))] };
    }

    /// <summary>The last contact and the next follow-up follow the contacts that stand (not withdrawn).</summary>
    public LeadDetails WithContacts(IReadOnlyList<ContactMark> contacts)
    {
        var latest = contacts.OrderBy(c => c.OccurredAt).LastOrDefault();
        return this with { Contacts = contacts, LastContactAt = latest?.OccurredAt, NextFollowUpOn = latest?.FollowUpOn };
    }
}

public sealed partial class LeadDetailsProjection : SingleStreamProjection<LeadDetails, Guid>
{
    public static LeadDetails Create(IEvent<LeadOpened> e)
    {
        var o = e.Data;
        return new LeadDetails(o.LeadId, o.InvestorId, o.InvestorName, o.InvestorCountry, o.ZoneCode, o.ProjectName, o.Sector,
            o.EstimatedCapital, o.EstimatedCapital.InUsd(), o.Source, o.Owner, LeadStage.Prospect, null, null, o.OpenedOn,
            [new StageStay(LeadStage.Prospect, o.OpenedOn, null)], [], null, null, null, e.Sequence, e.Version);
    }

    public static LeadDetails Apply(IEvent<LeadStageChanged> e, LeadDetails lead) =>
        lead with { Stage = e.Data.To, Stays = Lead.Move(lead.Stays, e.Data.To, e.Data.On), Version = e.Version };

    public static LeadDetails Apply(IEvent<LeadLost> e, LeadDetails lead) => lead with
    {
        Stage = LeadStage.Lost,
        LostAt = e.Data.LostAt,
        LostReason = e.Data.Reason,
        Stays = Lead.Move(lead.Stays, LeadStage.Lost, e.Data.On),
        Version = e.Version,
    };

    public static LeadDetails Apply(IEvent<LeadReopened> e, LeadDetails lead) => lead with
    {
        Stage = e.Data.At,
        LostAt = null,
        LostReason = null,
        Stays = Lead.Move(lead.Stays, e.Data.At, e.Data.On),
        Version = e.Version,
    };

    public static LeadDetails Apply(IEvent<LeadCertified> e, LeadDetails lead) => lead with
    {
        Stage = LeadStage.Certified,
        CertificateId = e.Data.CertificateId,
        Stays = Lead.Move(lead.Stays, LeadStage.Certified, e.Data.On),
        Version = e.Version,
    };

    public static LeadDetails Apply(IEvent<LeadOwnerReassigned> e, LeadDetails lead) => lead with { Owner = e.Data.To, Version = e.Version };

    public static LeadDetails Apply(IEvent<LeadEstimateRevised> e, LeadDetails lead) =>
        lead with { EstimatedCapital = e.Data.Estimate, EstimatedCapitalUsd = e.Data.Estimate.InUsd(), Version = e.Version };

    public static LeadDetails Apply(IEvent<ContactLogged> e, LeadDetails lead) =>
        lead.WithContacts([.. lead.Contacts, Mark(e.Data.ContactId, e.Data.Contact)]) with { Version = e.Version };

    public static LeadDetails Apply(IEvent<ContactCorrected> e, LeadDetails lead) =>
        lead.WithContacts([.. lead.Contacts.Select(c => c.ContactId == e.Data.ContactId ? Mark(c.ContactId, e.Data.Contact) : c)])
            with { Version = e.Version };

    public static LeadDetails Apply(IEvent<ContactWithdrawn> e, LeadDetails lead) =>
        lead.WithContacts([.. lead.Contacts.Where(c => c.ContactId != e.Data.ContactId)]) with { Version = e.Version };

    private static ContactMark Mark(Guid contactId, ContactDetails contact) => new(contactId, contact.OccurredAt, contact.FollowUpOn);
}
