using Investment.Domain.Leads;
using Investment.Domain.Reports;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Reports;

/// <summary>A lead's dated facts as the reports count them: opened, certified, lost, contacts. No names, no people.</summary>
public sealed record LeadActivityLog(Guid Id, string ZoneCode, IReadOnlyList<LeadFact> Facts, IReadOnlyList<int> Years)
{
    public LeadActivityLog With(LeadFact fact) => this with { Facts = [.. Facts, fact], Years = [.. Years.Append(fact.On.Year).Distinct().Order()] };
}

public sealed partial class LeadActivityLogProjection : SingleStreamProjection<LeadActivityLog, Guid>
{
    public static LeadActivityLog Create(LeadOpened e) =>
        new(e.LeadId, e.ZoneCode, [new LeadFact(LeadFactKind.Opened, e.OpenedOn, e.RecordedAt)], [e.OpenedOn.Year]);

    public static LeadActivityLog Apply(LeadCertified e, LeadActivityLog log) => log.With(new LeadFact(LeadFactKind.Certified, e.On, e.RecordedAt));

    public static LeadActivityLog Apply(LeadLost e, LeadActivityLog log) => log.With(new LeadFact(LeadFactKind.Lost, e.On, e.RecordedAt));

    public static LeadActivityLog Apply(ContactLogged e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.ContactLogged, Day(e.Contact), e.RecordedAt, e.ContactId));

    public static LeadActivityLog Apply(ContactCorrected e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.ContactCorrected, Day(e.Contact), e.RecordedAt, e.ContactId));

    /// <summary>A withdrawal keeps the contact's date, so the log's years stay those of its facts.</summary>
    public static LeadActivityLog Apply(ContactWithdrawn e, LeadActivityLog log) =>
        log.With(new LeadFact(LeadFactKind.ContactWithdrawn, log.Facts.Last(f => f.ContactId == e.ContactId).On, e.RecordedAt, e.ContactId));

    private static LocalDate Day(ContactDetails contact) => contact.OccurredAt.InZone(Domain.Common.VietnamCalendar.Zone).Date;
}
