using JasperFx.Events.Projections;

namespace Investment.Api.Zones;

public static class ZonesConfiguration
{
    public static void AddZones(this StoreOptions options) =>
        // Inline: reference data is read on every request that names a zone; it must exist the moment it is seeded.
        options.Projections.Add<ZoneDetailsProjection>(ProjectionLifecycle.Inline, EventStoreSetup.Batching);
}
