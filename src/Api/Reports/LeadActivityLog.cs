using Investment.Domain.Leads;
using Investment.Domain.Reports;

namespace Investment.Api.Reports;

/// <summary>
/// A lead's dated facts as the reports count them: opened, certified, lost (with why), contacts, its owner and estimate.
/// No investor people; the owning officer's name is kept for the per-officer response times, which only officers and
/// admins are answered.
/// </summary>
/// <remarks>
/// Folded from the lead's own events by <see cref="ZoneFacts"/> (issue 18), not stored: as a document rewritten by the
/// async daemon at every contact, it cost each contact a load and a rewrite of the lead's growing history, on the cores
/// the writes share. The events are the source either way, so a rebuild has nothing to rebuild here.
/// </remarks>
public sealed record LeadActivityLog(Guid Id, string ZoneCode, IReadOnlyList<LeadFact> Facts, IReadOnlyList<int> Years)
{
    public LeadActivityLog With(LeadFact fact) => this with { Facts = [.. Facts, fact], Years = [.. Years.Append(fact.On.Year).Distinct().Order()] };

    /// <summary>The lead events a log is folded from (the others add no fact).</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(LeadOpened), typeof(LeadCertified), typeof(LeadStageChanged), typeof(LeadReopened), typeof(LeadLost), typeof(LeadOwnerReassigned),
        typeof(LeadEstimateRevised), typeof(ContactLogged), typeof(ContactCorrected), typeof(ContactWithdrawn),
    ];

    /// <summary>
    /// The log after the lead's next events, in their order (null <paramref name="log"/>: none yet; null answer: the lead was
    /// never opened). The facts are gathered in one list, so folding a lead's whole history costs one pass.
    /// </summary>
    public static LeadActivityLog? Fold(LeadActivityLog? log, IEnumerable<object> events)
    {
        var (id, zone) = log is null ? (Guid.Empty, (string?)null) : (log.Id, log.ZoneCode);
        var facts = log is null ? new List<LeadFact>() : new List<LeadFact>(log.Facts);
        foreach (var e in events)
        {
            if (e is LeadOpened opened)
            {
                (id, zone) = (opened.LeadId, opened.ZoneCode);
                facts.Clear();
            }
            if (zone is null) continue; // an event of a lead never opened: nothing to apply it to
            if (Fact(e, facts) is { } fact) facts.Add(fact);
        }
        return zone is null ? null : new LeadActivityLog(id, zone, facts, [.. facts.Select(f => f.On.Year).Distinct().Order()]);
    }

    /// <summary>The fact an event adds to the lead's facts so far (null: none).</summary>
    private static LeadFact? Fact(object e, List<LeadFact> facts) => e switch
    {
        LeadOpened x => new LeadFact(LeadFactKind.Opened, x.OpenedOn, x.RecordedAt, Officer: x.Owner, EstimateUsd: x.EstimatedCapital.InUsd(), Stage: LeadStage.Prospect),
        LeadCertified x => new LeadFact(LeadFactKind.Certified, x.On, x.RecordedAt, Stage: LeadStage.Certified),
        LeadStageChanged x => new LeadFact(LeadFactKind.StageChanged, x.On, x.RecordedAt, Stage: x.To),
        LeadReopened x => new LeadFact(LeadFactKind.Reopened, x.On, x.RecordedAt, Stage: x.At),
        LeadLost x => new LeadFact(LeadFactKind.Lost, x.On, x.RecordedAt, Loss: LeadLoss.Of(x), Stage: LeadStage.Lost),
        // The facts without a business date of their own (a new owner, a revised estimate) take the last fact's date: the log's years stay those of its facts.
        LeadOwnerReassigned x => new LeadFact(LeadFactKind.OwnerReassigned, facts[^1].On, x.RecordedAt, Officer: x.To),
        LeadEstimateRevised x => new LeadFact(LeadFactKind.EstimateRevised, facts[^1].On, x.RecordedAt, EstimateUsd: x.Estimate.InUsd()),
        ContactLogged x => new LeadFact(LeadFactKind.ContactLogged, Day(x.Contact), x.RecordedAt, x.ContactId),
        ContactCorrected x => new LeadFact(LeadFactKind.ContactCorrected, Day(x.Contact), x.RecordedAt, x.ContactId),
        // A withdrawal keeps the contact's date, so the log's years stay those of its facts (the decider withdraws only a logged contact).
        ContactWithdrawn x => facts.FindLast(f => f.ContactId == x.ContactId) is { } contact
            ? new LeadFact(LeadFactKind.ContactWithdrawn, contact.On, x.RecordedAt, x.ContactId)
            : null,
        _ => null,
    };

    private static LocalDate Day(ContactDetails contact) => contact.OccurredAt.InZone(Domain.Common.VietnamCalendar.Zone).Date;
}
