using System.Globalization;
using Investment.Domain.Leads;
using JasperFx.Events;

namespace Investment.Api.Leads;

/// <summary>One contact of a lead's contact log as clients read it, as it stands after corrections (the originals are in the lead's history).</summary>
public sealed record LoggedContact(
    Guid Id,
    Guid LeadId,
    Instant OccurredAt,
    ContactChannel Channel,
    IReadOnlyList<string> Officers,
    IReadOnlyList<string> InvestorPeople,
    string Summary,
    string? NextStep,
    LocalDate? FollowUpOn,
    string LoggedBy,
    Instant LoggedAt,
    Instant? CorrectedAt,
    bool Withdrawn,
    string? WithdrawnReason);

/// <summary>
/// A contact of a lead's contact log: the <see cref="LoggedContact"/> clients receive, and what the log needs to order
/// and page it (never answered): the place of its logging in the event log, and sortKey, which orders the log newest
/// first by the time the contact happened, then by the order it was logged in.
/// </summary>
public sealed record ContactEntry(Guid Id, LoggedContact Contact, long LoggedSequence, string SortKey)
{
    public ContactState ToState() => new(new ContactDetails(Contact.OccurredAt, Contact.Channel, Contact.Officers, Contact.InvestorPeople,
        Contact.Summary, Contact.NextStep, Contact.FollowUpOn), Contact.Withdrawn);

    /// <summary>Digits only, of fixed width: compares the same in every database collation and ordinally.</summary>
    public static string SortKeyOf(Instant occurredAt, long sequence) =>
        occurredAt.ToUnixTimeMilliseconds().ToString("D15", CultureInfo.InvariantCulture) + sequence.ToString("D19", CultureInfo.InvariantCulture);
}

/// <summary>
/// A lead's contact log, folded from the lead's own events (issue 18): contacts live in their lead's stream, and a copy of
/// each in a document of its own stored every contact twice and cost an insert per contact. Corrections and withdrawals
/// apply in the events' order, so a rebuild has nothing to rebuild here.
/// </summary>
public static class ContactLog
{
    public static ContactEntry Entry(IEvent<ContactLogged> e)
    {
        var c = e.Data.Contact;
        return new ContactEntry(e.Data.ContactId, new LoggedContact(e.Data.ContactId, e.Data.LeadId, c.OccurredAt, c.Channel, c.Officers, c.InvestorPeople,
            c.Summary, c.NextStep, c.FollowUpOn, e.Data.RecordedBy, e.Data.RecordedAt, null, false, null), e.Sequence, ContactEntry.SortKeyOf(c.OccurredAt, e.Sequence));
    }

    /// <summary>Every contact of a lead's events as it stands after them (withdrawn ones marked), in the order they were logged.</summary>
    public static IReadOnlyList<ContactEntry> Of(IEnumerable<IEvent> events)
    {
        var entries = new List<ContactEntry>();
        var at = new Dictionary<Guid, int>();
        foreach (var e in events)
            switch (e)
            {
                case IEvent<ContactLogged> logged:
                    at[logged.Data.ContactId] = entries.Count;
                    entries.Add(Entry(logged));
                    break;
                case IEvent<ContactCorrected> { Data: var corrected } when at.TryGetValue(corrected.ContactId, out var i):
                    var c = corrected.Contact;
                    entries[i] = entries[i] with
                    {
                        Contact = entries[i].Contact with
                        {
                            OccurredAt = c.OccurredAt, Channel = c.Channel, Officers = c.Officers, InvestorPeople = c.InvestorPeople, Summary = c.Summary,
                            NextStep = c.NextStep, FollowUpOn = c.FollowUpOn, CorrectedAt = corrected.RecordedAt,
                        },
                        SortKey = ContactEntry.SortKeyOf(c.OccurredAt, entries[i].LoggedSequence),
                    };
                    break;
                case IEvent<ContactWithdrawn> { Data: var withdrawn } when at.TryGetValue(withdrawn.ContactId, out var i):
                    entries[i] = entries[i] with { Contact = entries[i].Contact with { Withdrawn = true, WithdrawnReason = withdrawn.Reason } };
                    break;
            }
        return entries;
    }

    /// <summary>The contact log of a lead, read from its stream (in one round trip).</summary>
    public static async Task<IReadOnlyList<ContactEntry>> Read(IQuerySession session, Guid leadId, CancellationToken ct) =>
        Of(await session.Events.FetchStreamAsync(leadId, token: ct));
}
