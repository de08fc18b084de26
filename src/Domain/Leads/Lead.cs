using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Leads;

/// <summary>A stay of a lead in a stage: entered on a business date, left on another (null while it is there).</summary>
public sealed record StageStay(LeadStage Stage, LocalDate EnteredOn, LocalDate? LeftOn);

/// <summary>A contact as the lead counts it: when it happened and the follow-up it asked for.</summary>
public sealed record ContactMark(Guid ContactId, Instant OccurredAt, LocalDate? FollowUpOn);

public sealed record TimeInStage(LeadStage Stage, int Days);

/// <summary>A logged contact as decisions see it: its details now, and whether it was withdrawn.</summary>
public sealed record ContactState(ContactDetails Details, bool Withdrawn);

/// <summary>
/// A lead and everything that happened to it, folded from its events: what decisions work on and what officers read.
/// Stage, owner, estimate (as stated and in USD), the stays in each stage, how many contacts stand (not withdrawn), the
/// last contact and the next follow-up (the one asked for by the latest contact). timeInStages is computed when read,
/// from the clock (<see cref="AsOf"/>): a fold never reads the clock. Loss says why a lost lead was lost (null unless
/// lost); FirstContactAt is the earliest contact that stands, the end of the lead's response time (issue 14 §2.4).
/// </summary>
/// <remarks>
/// Issue 18, flat write cost: the state holds nothing that grows with the lead's contacts (a lead may collect thousands,
/// and every write reads and rewrites the state). Contacts are their own small records (the Api's contact log); logging
/// one is O(1) here. Correcting or withdrawing one may change which contact is the latest, so those two events are applied
/// with the contacts that stood before them (<see cref="StandingContacts"/>, folded from the lead's earlier events).
/// </remarks>
/// <param name="ContactCount">How many of the lead's contacts stand (not withdrawn); GET /leads/{id}/contacts lists them.</param>
public sealed record Lead(
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
    int ContactCount,
    Instant? LastContactAt,
    LocalDate? NextFollowUpOn,
    Guid? CertificateId,
    IReadOnlyList<TimeInStage>? TimeInStages = null,
    LeadLoss? Loss = null,
    Instant? FirstContactAt = null)
{
    public static Lead Create(LeadOpened e) =>
        new(e.LeadId, e.InvestorId, e.InvestorName, e.InvestorCountry, e.ZoneCode, e.ProjectName, e.Sector, e.EstimatedCapital,
            e.EstimatedCapital.InUsd(), e.Source, e.Owner, LeadStage.Prospect, null, null, e.OpenedOn, FirstStay(e), 0, null, null, null);

    public Lead Apply(LeadStageChanged e) => Moved(e);

    public Lead Apply(LeadLost e) => Moved(e) with { LostAt = e.LostAt, LostReason = e.Reason, Loss = LeadLoss.Of(e) };

    public Lead Apply(LeadReopened e) => Moved(e) with { LostAt = null, LostReason = null, Loss = null };

    public Lead Apply(LeadCertified e) => Moved(e) with { CertificateId = e.CertificateId };

    public Lead Apply(LeadOwnerReassigned e) => this with { Owner = e.To };

    public Lead Apply(LeadEstimateRevised e) => this with { EstimatedCapital = e.Estimate, EstimatedCapitalUsd = e.Estimate.InUsd() };

    /// <summary>
    /// The newest contact is the latest unless it happened before it; on a tie the one logged last is the latest (as
    /// ordering the standing contacts by when they happened, in the order they were logged, makes it).
    /// </summary>
    public Lead Apply(ContactLogged e)
    {
        var counted = this with
        {
            ContactCount = ContactCount + 1,
            FirstContactAt = FirstContactAt is { } first && first <= e.Contact.OccurredAt ? first : e.Contact.OccurredAt,
        };
        return LastContactAt is { } last && e.Contact.OccurredAt < last
            ? counted
            : counted with { LastContactAt = e.Contact.OccurredAt, NextFollowUpOn = e.Contact.FollowUpOn };
    }

    /// <param name="standing">The lead's standing contacts before this event, in the order they were logged (<see cref="StandingContacts"/>).</param>
    public Lead Apply(ContactCorrected e, IReadOnlyList<ContactMark> standing) =>
        WithContacts([.. standing.Select(c => c.ContactId == e.ContactId ? Mark(c.ContactId, e.Contact) : c)]);

    /// <param name="standing">The lead's standing contacts before this event, in the order they were logged (<see cref="StandingContacts"/>).</param>
    public Lead Apply(ContactWithdrawn e, IReadOnlyList<ContactMark> standing) => WithContacts([.. standing.Where(c => c.ContactId != e.ContactId)]);

    /// <summary>The contacts that stand after a lead's events (logged, as corrected, not withdrawn), in the order they were logged.</summary>
    public static IReadOnlyList<ContactMark> StandingContacts(IEnumerable<object> events)
    {
        var marks = new List<ContactMark>();
        foreach (var e in events) Stand(marks, e);
        return marks;
    }

    /// <summary>
    /// The lead after a history of events, oldest first, the first being its opening: for the seed and the domain's
    /// tests. The read models fold the same Create and Apply, one event at a time.
    /// </summary>
    public static Lead From(IEnumerable<object> events)
    {
        var all = events.ToList();
        var lead = Create((LeadOpened)all[0]);
        var standing = new List<ContactMark>();
        foreach (var e in all.Skip(1))
        {
            lead = e switch
            {
                ContactCorrected x => lead.Apply(x, standing),
                ContactWithdrawn x => lead.Apply(x, standing),
                _ => lead.Then([e]),
            };
            Stand(standing, e);
        }
        return lead;
    }

    /// <summary>The lead after more of its events, oldest first; a correction or withdrawal needs the standing contacts (<see cref="From"/>).</summary>
    public Lead Then(IEnumerable<object> events) => events.Aggregate(this, (lead, e) => e switch
    {
        LeadStageChanged x => lead.Apply(x),
        LeadLost x => lead.Apply(x),
        LeadReopened x => lead.Apply(x),
        LeadCertified x => lead.Apply(x),
        LeadOwnerReassigned x => lead.Apply(x),
        LeadEstimateRevised x => lead.Apply(x),
        ContactLogged x => lead.Apply(x),
        ContactCorrected or ContactWithdrawn => throw new ArgumentException(
            $"{e.GetType().Name} is applied with the lead's standing contacts: fold the whole history with From.", nameof(events)),
        _ => throw new ArgumentException($"{e.GetType().Name} is not an event of a lead after its opening.", nameof(events)),
    });

    /// <summary>The business date the lead entered its current stage: no move may be dated before it.</summary>
    public LocalDate StageSince() => Stays[^1].EnteredOn;

    /// <summary>The days spent in each stage, the current stay counted up to today in Vietnam.</summary>
    public Lead AsOf(Instant now)
    {
        var days = DaysInStages(Stays, VietnamCalendar.Today(now));
        return this with { TimeInStages = [.. days.OrderBy(d => d.Key).Select(d => new TimeInStage(d.Key, d.Value))] };
    }

    /// <summary>The first stay of every lead: a prospect from the day it was opened.</summary>
    public static IReadOnlyList<StageStay> FirstStay(LeadOpened e) => [new StageStay(LeadStage.Prospect, e.OpenedOn, null)];

    /// <summary>The stays after a move: the current stay ends on the move's date, a new one begins. The one place a move is applied.</summary>
    public static IReadOnlyList<StageStay> Move(IReadOnlyList<StageStay> stays, IStageMove move) =>
        [.. stays.Select(s => s.LeftOn is null ? s with { LeftOn = move.MovedOn } : s), new StageStay(move.MovesTo, move.MovedOn, null)];

    /// <summary>Whole days spent in each stage, the current stay counted up to <paramref name="today"/>.</summary>
    public static IReadOnlyDictionary<LeadStage, int> DaysInStages(IReadOnlyList<StageStay> stays, LocalDate today) =>
        stays.GroupBy(s => s.Stage).ToDictionary(
            g => g.Key,
            g => g.Sum(s => Math.Max(0, Period.DaysBetween(s.EnteredOn, s.LeftOn ?? today))));

    private Lead Moved(IStageMove move) => this with { Stage = move.MovesTo, Stays = Move(Stays, move) };

    /// <summary>The last contact and the next follow-up follow the contacts that stand (not withdrawn).</summary>
    private Lead WithContacts(IReadOnlyList<ContactMark> contacts)
    {
        var latest = contacts.OrderBy(c => c.OccurredAt).LastOrDefault();
        return this with
        {
            ContactCount = contacts.Count, LastContactAt = latest?.OccurredAt, NextFollowUpOn = latest?.FollowUpOn,
            FirstContactAt = contacts.Count == 0 ? null : contacts.Min(c => c.OccurredAt),
        };
    }

    private static void Stand(List<ContactMark> marks, object e)
    {
        switch (e)
        {
            case ContactLogged x:
                marks.Add(Mark(x.ContactId, x.Contact));
                break;
            case ContactCorrected x when marks.FindIndex(c => c.ContactId == x.ContactId) is >= 0 and var i:
                marks[i] = Mark(x.ContactId, x.Contact);
                break;
            case ContactWithdrawn x:
                marks.RemoveAll(c => c.ContactId == x.ContactId);
                break;
        }
    }

    private static ContactMark Mark(Guid contactId, ContactDetails contact) => new(contactId, contact.OccurredAt, contact.FollowUpOn);
}
