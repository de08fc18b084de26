using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Zones;

public enum ZoneKind
{
    EconomicZone,
    IndustrialPark,
    IndustrialCluster,
}

/// <summary>A zone where investment is attracted; reference data seeded at first start.</summary>
public sealed record ZoneRegistered(
    Guid ZoneId,
    string Code,
    string Name,
    string VietnameseName,
    ZoneKind Kind,
    decimal? AreaHectares,
    string? ParentCode,
    string RecordedBy,
    Instant RecordedAt) : IRecordedEvent;
