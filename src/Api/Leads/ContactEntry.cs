using System.Globalization;
using Investment.Domain.Leads;
using JasperFx.Events;
using Marten.Events.Projections;
using Marten.Patching;

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

/// <summary>
/// Contacts live in their lead's stream; each becomes its own entry, keyed by its contact id. An event projection, not an
/// aggregation (issue 18): a logged contact is always new, so its entry is inserted without first looking up the entry
/// it is about to create (an aggregation loads the documents of every id in its slice: a round trip per contact). A
/// correction or withdrawal, rare, patches the entry in place, in the same batch as whatever wrote it before, so a
/// rebuild applies them in the events' order.
/// </summary>
public sealed partial class ContactLogProjection : EventProjection
{
    public ContactLogProjection()
    {
        IncludeType<ContactLogged>();
        IncludeType<ContactCorrected>();
        IncludeType<ContactWithdrawn>();
        Options.DeleteViewTypeOnTeardown<ContactEntry>();
    }

    public static ContactEntry Entry(IEvent<ContactLogged> e)
    {
        var c = e.Data.Contact;
        return new ContactEntry(e.Data.ContactId, new LoggedContact(e.Data.ContactId, e.Data.LeadId, c.OccurredAt, c.Channel, c.Officers, c.InvestorPeople,
            c.Summary, c.NextStep, c.FollowUpOn, e.Data.RecordedBy, e.Data.RecordedAt, null, false, null), e.Sequence, ContactEntry.SortKeyOf(c.OccurredAt, e.Sequence));
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e)
        {
            case IEvent<ContactLogged> logged:
                operations.Insert(Entry(logged));
                break;
            case IEvent<ContactCorrected> { Data: var corrected }:
                var c = corrected.Contact;
                // The sort key's tail is the place of the contact's logging in the event log: read from that event, not from
                // the entry, which an earlier event of the same batch may not have written yet.
                var sequence = await LoggedSequence(operations, e.StreamId, corrected.ContactId, cancellation);
                operations.Patch<ContactEntry>(corrected.ContactId)
                    .Set(x => x.Contact.OccurredAt, c.OccurredAt)
                    .Set(x => x.Contact.Channel, c.Channel)
                    .Set(x => x.Contact.Officers, c.Officers)
                    .Set(x => x.Contact.InvestorPeople, c.InvestorPeople)
                    .Set(x => x.Contact.Summary, c.Summary)
                    .Set(x => x.Contact.NextStep, c.NextStep)
                    .Set(x => x.Contact.FollowUpOn, c.FollowUpOn)
                    .Set(x => x.Contact.CorrectedAt, (Instant?)corrected.RecordedAt)
                    .Set(x => x.SortKey, ContactEntry.SortKeyOf(c.OccurredAt, sequence));
                break;
            case IEvent<ContactWithdrawn> { Data: var withdrawn }:
                operations.Patch<ContactEntry>(withdrawn.ContactId)
                    .Set(x => x.Contact.Withdrawn, true)
                    .Set(x => x.Contact.WithdrawnReason, withdrawn.Reason);
                break;
        }
    }

    private static async Task<long> LoggedSequence(IDocumentOperations operations, Guid leadId, Guid contactId, CancellationToken ct) =>
        (await operations.AdvancedSql.QueryAsync<long>($"""
            select seq_id from {EventStoreSetup.Schema}.mt_events
            where stream_id = ? and type = 'contact_logged' and data ->> 'contactId' = ?
            """, ct, leadId, contactId.ToString())).Single();
}
