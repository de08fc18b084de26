using System.Globalization;
using Investment.Domain.Leads;
using JasperFx.Events;
using Marten.Events.Projections;

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
/// The stored read model of a contact: the <see cref="LoggedContact"/> clients receive, and what the log needs to order
/// and page it (storage only, never answered): the place of its logging in the event log, and sortKey, which orders the
/// log newest first by the time the contact happened, then by the order it was logged in.
/// </summary>
public sealed record ContactEntry(Guid Id, LoggedContact Contact, long LoggedSequence, string SortKey)
{
    public ContactState ToState() => new(new ContactDetails(Contact.OccurredAt, Contact.Channel, Contact.Officers, Contact.InvestorPeople,
        Contact.Summary, Contact.NextStep, Contact.FollowUpOn), Contact.Withdrawn);

    /// <summary>Digits only, of fixed width: compares the same in every database collation.</summary>
    public static string SortKeyOf(Instant occurredAt, long sequence) =>
        occurredAt.ToUnixTimeMilliseconds().ToString("D15", CultureInfo.InvariantCulture) + sequence.ToString("D19", CultureInfo.InvariantCulture);
}

/// <summary>Contacts live in their lead's stream; each becomes its own entry, keyed by its contact id.</summary>
public sealed partial class ContactLogProjection : MultiStreamProjection<ContactEntry, Guid>
{
    public ContactLogProjection()
    {
        Identity<ContactLogged>(e => e.ContactId);
        Identity<ContactCorrected>(e => e.ContactId);
        Identity<ContactWithdrawn>(e => e.ContactId);
    }

    public static ContactEntry Create(IEvent<ContactLogged> e)
    {
        var c = e.Data.Contact;
        return new ContactEntry(e.Data.ContactId, new LoggedContact(e.Data.ContactId, e.Data.LeadId, c.OccurredAt, c.Channel, c.Officers, c.InvestorPeople,
            c.Summary, c.NextStep, c.FollowUpOn, e.Data.RecordedBy, e.Data.RecordedAt, null, false, null), e.Sequence, ContactEntry.SortKeyOf(c.OccurredAt, e.Sequence));
    }

    public static ContactEntry Apply(ContactCorrected e, ContactEntry entry)
    {
        var c = e.Contact;
        return entry with
        {
            Contact = entry.Contact with
            {
                OccurredAt = c.OccurredAt,
                Channel = c.Channel,
                Officers = c.Officers,
                InvestorPeople = c.InvestorPeople,
                Summary = c.Summary,
                NextStep = c.NextStep,
                FollowUpOn = c.FollowUpOn,
                CorrectedAt = e.RecordedAt,
            },
            SortKey = ContactEntry.SortKeyOf(c.OccurredAt, entry.LoggedSequence),
        };
    }

    public static ContactEntry Apply(ContactWithdrawn e, ContactEntry entry) =>
        entry with { Contact = entry.Contact with { Withdrawn = true, WithdrawnReason = e.Reason } };
}
