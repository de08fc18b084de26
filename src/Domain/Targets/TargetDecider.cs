using Investment.Domain.Common;

namespace Investment.Domain.Targets;

public static class TargetDecider
{
    public static Guid IdOf(string zoneCode, int year) => StableId.From("target", $"{zoneCode}:{year}");

    /// <summary>Sets the first version, or revises the current one; the same range and decision again records nothing.</summary>
    /// <param name="current">The target as it stands; null when the zone has none for the year yet.</param>
    public static Decision Set(string zoneCode, int year, Target? current, TargetRange requested, string? reason, Recording recording)
    {
        var range = requested with { Decision = requested.Decision.Trim() };
        if (range.MinimumUsd > range.MaximumUsd)
            return Decision.Refuse("target.invalid_range", $"The minimum ({range.MinimumUsd}) is above the maximum ({range.MaximumUsd}).");
        if (Rules.NotInFuture("decidedOn", range.DecidedOn, recording.At) is { } future) return future;
        var id = IdOf(zoneCode, year);
        if (current is null) return Decision.Accept(new TargetSet(id, zoneCode, year, range, recording.By, recording.At));
        return current.Range == range
            ? Decision.Nothing
            : Decision.Accept(new TargetRevised(id, zoneCode, year, range, Rules.Blank(reason), recording.By, recording.At));
    }
}
