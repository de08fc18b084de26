using NodaTime;

namespace Investment.Domain.Targets;

/// <summary>One version of a target: the range, the decision, and who recorded it when.</summary>
public sealed record TargetVersion(int Number, TargetRange Range, string? Reason, string? RecordedBy, Instant RecordedAt);

/// <summary>A zone's target for a year, folded from its events: the current range and every version before it.</summary>
public sealed record Target(Guid Id, string ZoneCode, int Year, TargetRange Range, IReadOnlyList<TargetVersion> Versions)
{
    public static Target Create(TargetSet e) =>
        new(e.TargetId, e.ZoneCode, e.Year, e.Range, [new TargetVersion(1, e.Range, null, e.RecordedBy, e.RecordedAt)]);

    public Target Apply(TargetRevised e) => this with
    {
        Range = e.Range,
        Versions = [.. Versions, new TargetVersion(Versions.Count + 1, e.Range, e.Reason, e.RecordedBy, e.RecordedAt)],
    };

    /// <summary>For partners: the decisions and dates stay, the officials who recorded them are not named.</summary>
    public Target WithoutPersonalData() => this with { Versions = [.. Versions.Select(v => v with { RecordedBy = null })] };

    /// <summary>The range as it was known at an instant (the latest version recorded before it), or null.</summary>
    public TargetRange? KnownAt(Instant instant) => Versions.LastOrDefault(v => v.RecordedAt < instant)?.Range;
}
