using JasperFx.Events.Projections;

namespace Investment.Api.Targets;

public static class TargetsConfiguration
{
    // Inline: an admin who sets a target reads it back at once; targets change a few times a year.
    public static void AddTargets(this StoreOptions options) => options.Projections.Add<ZoneTargetProjection>(ProjectionLifecycle.Inline, EventStoreSetup.Batching);
}
