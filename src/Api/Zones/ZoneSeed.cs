using Investment.Domain.Zones;

namespace Investment.Api.Zones;

public static class ZoneSeed
{
    public static IEnumerable<Seed> Streams =>
        ZoneCatalogue.Zones.Select(zone => new Seed(zone.Id, recording => [ZoneCatalogue.Registration(zone, recording)]));
}
