using Investment.Api.Tests.Infrastructure;
using Investment.Api.Zones;
using Investment.Domain.Zones;

namespace Investment.Api.Tests.Zones;

public sealed class ZonesTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_zones_of_the_plan_are_seeded_and_partners_may_read_them()
    {
        var zones = await Host.Get<IReadOnlyList<ZoneDetails>>(Partner, "/api/v1/zones");

        var codes = zones.Select(z => z.Code);
        Assert.Equal(["dung-quat", "pho-phong", "quang-phu", "tinh-phong", "vsip-quang-ngai"], codes);
    }

    [Fact]
    public async Task a_zone_is_read_by_its_code_with_its_vietnamese_name_and_area()
    {
        var zone = await Host.Get<ZoneDetails>(Officer, "/api/v1/zones/dung-quat");

        Assert.Equal("Khu kinh tế Dung Quất", zone.VietnameseName);
        Assert.Equal(ZoneKind.EconomicZone, zone.Kind);
        Assert.Equal(10_300m, zone.AreaHectares);
    }

    [Fact]
    public async Task an_unknown_zone_code_answers_404()
    {
        var result = await Host.Send(Officer, s => s.Get.Url("/api/v1/zones/hai-phong"));
        await result.ShouldBe(404, "zone.not_found");
    }
}
