using Investment.Domain.Leads;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Investment.Api.Leads;

/// <summary>
/// The stored read model of a lead: the domain's <see cref="Domain.Leads.Lead"/> (what clients receive) with what the
/// lists need to page it (when it was opened in the store: <see cref="Place"/>) and its stream version (the ETag).
/// </summary>
public sealed record LeadDetails(Guid Id, Lead Lead, long Position, long Version) : IVersioned;

/// <summary>
/// Wraps the domain's fold: every transition is written once, in <see cref="Domain.Leads.Lead"/>. The document stays the
/// same size whatever the lead's history (issue 18): a logged contact is counted, not embedded. A correction or withdrawal,
/// rare, reads the lead's earlier events to know which contacts stood before it (exact in a rebuild too: the events are
/// the source, never another read model).
/// </summary>
public sealed class LeadDetailsProjection : SingleStreamProjection<LeadDetails, Guid>
{
    private static readonly LeadDetailsProjection Fold = new();

    /// <summary>This projection's fold, for a write that stores the lead itself (<see cref="AppendStatement"/>): the same function as Marten's.</summary>
    public static Projector<LeadDetails> For(IQuerySession session, Guid id) => (current, e, ct) => Fold.EvolveAsync(current, id, session, e, ct);

    public override async ValueTask<LeadDetails?> EvolveAsync(LeadDetails? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is LeadOpened opened) return new LeadDetails(opened.LeadId, Lead.Create(opened), Place.PositionOf(opened.RecordedAt), e.Version);
        if (snapshot is null) return null; // an event of a lead never opened: nothing to apply it to
        var lead = e.Data switch
        {
            ContactCorrected x => snapshot.Lead.Apply(x, await StandingBefore(session, id, e, cancellation)),
            ContactWithdrawn x => snapshot.Lead.Apply(x, await StandingBefore(session, id, e, cancellation)),
            LeadStageChanged or LeadLost or LeadReopened or LeadCertified or LeadOwnerReassigned or LeadEstimateRevised or ContactLogged => snapshot.Lead.Then([e.Data]),
            _ => null,
        };
        return lead is null ? snapshot : snapshot with { Lead = lead, Version = e.Version };
    }

    private static async Task<IReadOnlyList<ContactMark>> StandingBefore(IQuerySession session, Guid id, IEvent e, CancellationToken cancellation) =>
        Lead.StandingContacts((await session.Events.FetchStreamAsync(id, e.Version - 1, token: cancellation)).Select(x => x.Data));
}
