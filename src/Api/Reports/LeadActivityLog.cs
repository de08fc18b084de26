using Investment.Domain.Leads;
using Investment.Domain.Reports;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Reports;

/// <summary>
/// A lead's dated facts as the reports count them: opened, certified, lost (with why), contacts, its owner and estimate.
/// No investor people; the owning officer's name is kept for the per-officer response times, which only officers and
/// admins are answered.
/// </summary>
public sealed record LeadActivityLog(Guid Id, string ZoneCode, IReadOnlyList<LeadFact> Facts, IReadOnlyList<int> Years)
{
    public LeadActivityLog With(LeadFact fact) => this with { Facts = [.. Facts, fact], Years = [.. Years.Append(fact.On.Year).Distinct().Order()] };
}

public sealed partial class LeadActivityLogProjection : SingleStreamProjection<LeadActivityLog, Guid>
{
    public static LeadActivityLog Create(LeadOpened e) =>
        new(e.LeadId, e.ZoneCode, [new LeadFact(LeadFactKind.Opened, e.OpenedOn, e.RecordedAt, Officer: e.Owner, EstimateUsd: e.EstimatedCapital.InUsd(), Stage: LeadStage.Prospect)],
            [e.OpenedOn.Year]);

    public static LeadActivityLog Apply(LeadCertified e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.Certified, e.On, e.RecordedAt, Stage: LeadStage.Certified));

    public static LeadActivityLog Apply(LeadStageChanged e, LeadActivityLog log) => log.With(new LeadFact(LeadFactKind.StageChanged, e.On, e.RecordedAt, Stage: e.To));

    public static LeadActivityLog Apply(LeadReopened e, LeadActivityLog log) => log.With(new LeadFact(LeadFactKind.Reopened, e.On, e.RecordedAt, Stage: e.At));

    public static LeadActivityLog Apply(LeadLost e, LeadActivityLog log) => log.With(new LeadFact(LeadFactKind.Lost, e.On, e.RecordedAt, Loss: LeadLoss.Of(e), Stage: LeadStage.Lost));

    /// <summary>The facts without a business date of their own (a new owner, a revised estimate) take the last fact's date: the log's years stay those of its facts.</summary>
    public static LeadActivityLog Apply(LeadOwnerReassigned e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.OwnerReassigned, log.Facts[^1].On, e.RecordedAt, Officer: e.To));

    public static LeadActivityLog Apply(LeadEstimateRevised e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.EstimateRevised, log.Facts[^1].On, e.RecordedAt, EstimateUsd: e.Estimate.InUsd()));

    public static LeadActivityLog Apply(ContactLogged e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.ContactLogged, Day(e.Contact), e.RecordedAt, e.ContactId));

    public static LeadActivityLog Apply(ContactCorrected e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.ContactCorrected, Day(e.Contact), e.RecordedAt, e.ContactId));

    /// <summary>A withdrawal keeps the contact's date, so the log's years stay those of its facts.</summary>
    public static LeadActivityLog Apply(ContactWithdrawn e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.ContactWithdrawn, log.Facts.Last(f => f.ContactId == e.ContactId).On, e.RecordedAt, e.ContactId));

    private static LocalDate Day(ContactDetails contact) => contact.OccurredAt.InZone(Domain.Common.VietnamCalendar.Zone).Date;
}
