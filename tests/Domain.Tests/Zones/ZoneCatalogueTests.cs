using Investment.Domain.Common;
using Investment.Domain.Zones;
using NodaTime;

namespace Investment.Domain.Tests.Zones;

public sealed class ZoneCatalogueTests
{
    [Fact]
    public void the_catalogue_holds_the_plans_zones_with_unique_codes_and_known_parents()
    {
        var codes = ZoneCatalogue.Zones.Select(z => z.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Contains("dung-quat", codes);
        Assert.All(ZoneCatalogue.Zones.Where(z => z.ParentCode is not null), z => Assert.Contains(z.ParentCode, codes));
        Assert.Equal(10_300m, ZoneCatalogue.Zones.Single(z => z.Code == "dung-quat").AreaHectares);
    }

    [Fact]
    public void a_registration_carries_the_zone_and_who_recorded_it()
    {
        var recording = new Recording("seed", Instant.FromUtc(2014, 1, 8, 0, 0));
        var vsip = ZoneCatalogue.Zones.Single(z => z.Code == "vsip-quang-ngai");

        var registered = ZoneCatalogue.Registration(vsip, recording);

        Assert.Equal(ZoneCatalogue.IdOf("vsip-quang-ngai"), registered.ZoneId);
        Assert.Equal("dung-quat", registered.ParentCode);
        Assert.Equal("seed", registered.RecordedBy);
    }
}
