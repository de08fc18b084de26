using Investment.Domain.Targets;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Targets;

/// <summary>One version of a target: the range, the decision, and who recorded it when.</summary>
public sealed record TargetVersion(int Number, TargetRange Range, string? Reason, string? RecordedBy, Instant RecordedAt);

/// <summary>A zone's target for a year: the current range and every version before it.</summary>
public sealed record ZoneTarget(Guid Id, string ZoneCode, int Year, TargetRange Range, IReadOnlyList<TargetVersion> Versions, long Version) : IVersioned
{
    /// <summary>For partners: the decisions and dates stay, the officials who recorded them are not named.</summary>
    public ZoneTarget WithoutPersonalData() => this with { Versions = [.. Versions.Select(v => v with { RecordedBy = null })] };

    /// <summary>The range as it was known at an instant (the latest version recorded before it), or null.</summary>
    public TargetRange? KnownAt(Instant instant) => Versions.LastOrDefault(v => v.RecordedAt < instant)?.Range;
}

public sealed partial class ZoneTargetProjection : SingleStreamProjection<ZoneTarget, Guid>
{
    public static ZoneTarget Create(IEvent<TargetSet> e) =>
        new(e.Data.TargetId, e.Data.ZoneCode, e.Data.Year, e.Data.Range, [new TargetVersion(1, e.Data.Range, null, e.Data.RecordedBy, e.Data.RecordedAt)], e.Version);

    public static ZoneTarget Apply(IEvent<TargetRevised> e, ZoneTarget target) => target with
    {
        Range = e.Data.Range,
        Versions = [.. target.Versions, new TargetVersion(target.Versions.Count + 1, e.Data.Range, e.Data.Reason, e.Data.RecordedBy, e.Data.RecordedAt)],
        Version = e.Version,
    };
}
