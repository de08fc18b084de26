using Investment.Domain.Leads;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Leads;

/// <summary>
/// The stored read model of a lead: the domain's <see cref="Domain.Leads.Lead"/> (what clients receive) with what the
/// lists need to page it (its position in the event log) and its stream version (the ETag).
/// </summary>
public sealed record LeadDetails(Guid Id, Lead Lead, long Position, long Version) : IVersioned;

/// <summary>Wraps the domain's fold: every transition is written once, in <see cref="Domain.Leads.Lead"/>.</summary>
public sealed partial class LeadDetailsProjection : SingleStreamProjection<LeadDetails, Guid>
{
    public static LeadDetails Create(IEvent<LeadOpened> e) => new(e.Data.LeadId, Lead.Create(e.Data), e.Sequence, e.Version);

    public static LeadDetails Apply(IEvent<LeadStageChanged> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };

    public static LeadDetails Apply(IEvent<LeadLost> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };

    public static LeadDetails Apply(IEvent<LeadReopened> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };

    public static LeadDetails Apply(IEvent<LeadCertified> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };

    public static LeadDetails Apply(IEvent<LeadOwnerReassigned> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };

    public static LeadDetails Apply(IEvent<LeadEstimateRevised> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };

    public static LeadDetails Apply(IEvent<ContactLogged> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };

    public static LeadDetails Apply(IEvent<ContactCorrected> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };

    public static LeadDetails Apply(IEvent<ContactWithdrawn> e, LeadDetails d) => d with { Lead = d.Lead.Apply(e.Data), Version = e.Version };
}
