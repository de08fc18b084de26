using Investment.Domain.Zones;
using Marten.Events.Aggregation;

namespace Investment.Api.Zones;

/// <summary>A zone as the API shows it. Addressed by its code (dung-quat); the id is derived from the code.</summary>
public sealed record ZoneDetails(Guid Id, string Code, string Name, string VietnameseName, ZoneKind Kind, decimal? AreaHectares, string? ParentCode);

public sealed partial class ZoneDetailsProjection : SingleStreamProjection<ZoneDetails, Guid>
{
    public static ZoneDetails Create(ZoneRegistered e) =>
        new(e.ZoneId, e.Code, e.Name, e.VietnameseName, e.Kind, e.AreaHectares, e.ParentCode);
}
