using JasperFx.Events.Projections;

namespace Investment.Api.Forecasts;

public static class ForecastsConfiguration
{
    // Inline: an admin who sets a zone's probabilities reads them back at once; they change a few times a year.
    public static void AddForecasts(this StoreOptions options) =>
        options.Projections.Add<ZoneProbabilitySettingsProjection>(ProjectionLifecycle.Inline, EventStoreSetup.Batching);
}
