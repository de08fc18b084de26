using Investment.Domain.Targets;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Targets;

/// <summary>The stored read model of a target: the domain's <see cref="Domain.Targets.Target"/> and its stream version (the ETag).</summary>
public sealed record ZoneTarget(Guid Id, Target Target, long Version) : IVersioned;

public sealed partial class ZoneTargetProjection : SingleStreamProjection<ZoneTarget, Guid>
{
    public static ZoneTarget Create(IEvent<TargetSet> e) => new(e.Data.TargetId, Target.Create(e.Data), e.Version);

    public static ZoneTarget Apply(IEvent<TargetRevised> e, ZoneTarget target) => target with { Target = target.Target.Apply(e.Data), Version = e.Version };
}
