using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Zones;

public sealed class ZonesTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_zones_of_the_plan_are_seeded_and_partners_may_read_them()
    {
        var result = await Host.Send(Partner, s => s.Get.Url("/api/v1/zones"));

        var codes = (await result.Json()).AsArray().Select(z => (string)z!["code"]!);
        Assert.Equal(["dung-quat", "pho-phong", "quang-phu", "tinh-phong", "vsip-quang-ngai"], codes);
    }

    [Fact]
    public async Task a_zone_is_read_by_its_code_with_its_vietnamese_name_and_area()
    {
        var zone = await (await Host.Send(Officer, s => s.Get.Url("/api/v1/zones/dung-quat"))).Json();

        Assert.Equal("Khu kinh tế Dung Quất", (string?)zone["vietnameseName"]);
        Assert.Equal("economicZone", (string?)zone["kind"]);
        Assert.Equal("10300", (string?)zone["areaHectares"]);
    }

    [Fact]
    public async Task an_unknown_zone_code_answers_404()
    {
        var result = await Host.Send(Officer, s => s.Get.Url("/api/v1/zones/hai-phong"));
        await result.ShouldBeProblem(404, "zone.not_found");
    }
}
