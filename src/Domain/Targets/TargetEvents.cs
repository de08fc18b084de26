using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Targets;

/// <summary>The range of capital a zone is to attract in a calendar year (USD), and the decision that set it.</summary>
public sealed record TargetRange(decimal MinimumUsd, decimal MaximumUsd, string Decision, LocalDate DecidedOn);

public sealed record TargetSet(Guid TargetId, string ZoneCode, int Year, TargetRange Range, string RecordedBy, Instant RecordedAt) : IRecordedEvent;

/// <summary>A new version of the target; the earlier ones stay in the history.</summary>
public sealed record TargetRevised(Guid TargetId, string ZoneCode, int Year, TargetRange Range, string? Reason, string RecordedBy, Instant RecordedAt)
    : IRecordedEvent;
