using Investment.Domain.Forecasts;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Forecasts;

/// <summary>The stored read model of a zone's stage probabilities: the domain's <see cref="ZoneProbabilities"/> and its stream version (the ETag).</summary>
public sealed record ZoneProbabilitySettings(Guid Id, ZoneProbabilities Settings, long Version) : IVersioned;

public sealed partial class ZoneProbabilitySettingsProjection : SingleStreamProjection<ZoneProbabilitySettings, Guid>
{
    public static ZoneProbabilitySettings Create(IEvent<StageProbabilitiesSet> e) =>
        new(e.Data.SettingsId, ZoneProbabilities.Defaults(e.Data.ZoneCode).Apply(e.Data), e.Version);

    public static ZoneProbabilitySettings Apply(IEvent<StageProbabilitiesSet> e, ZoneProbabilitySettings s) =>
        s with { Settings = s.Settings.Apply(e.Data), Version = e.Version };
}
