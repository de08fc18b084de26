using Investment.Domain.Common;

namespace Investment.Domain.Zones;

/// <summary>The zones named in the 2014 plan (domain.md, "The zones"). Codes are stable: the API addresses zones by them.</summary>
public static class ZoneCatalogue
{
    public sealed record Entry(string Code, string Name, string VietnameseName, ZoneKind Kind, decimal? AreaHectares, string? ParentCode)
    {
        public Guid Id => IdOf(Code);
    }

    public static Guid IdOf(string code) => StableId.From("zone", code);

    public static readonly IReadOnlyList<Entry> Zones =
    [
        new("dung-quat", "Dung Quat Economic Zone", "Khu kinh tế Dung Quất", ZoneKind.EconomicZone, 10_300m, null),
        new("vsip-quang-ngai", "VSIP Quang Ngai", "Khu công nghiệp, đô thị và dịch vụ VSIP Quảng Ngãi", ZoneKind.IndustrialPark, 1_746m, "dung-quat"),
        new("tinh-phong", "Tinh Phong Industrial Park", "Khu công nghiệp Tịnh Phong", ZoneKind.IndustrialPark, null, null),
        new("quang-phu", "Quang Phu Industrial Park", "Khu công nghiệp Quảng Phú", ZoneKind.IndustrialPark, null, null),
        new("pho-phong", "Pho Phong Industrial Park", "Khu công nghiệp Phổ Phong", ZoneKind.IndustrialPark, null, null),
    ];

    public static ZoneRegistered Registration(Entry zone, Recording recording) =>
        new(zone.Id, zone.Code, zone.Name, zone.VietnameseName, zone.Kind, zone.AreaHectares, zone.ParentCode, recording.By, recording.At);
}
