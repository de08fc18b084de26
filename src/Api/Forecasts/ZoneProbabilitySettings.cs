using Investment.Domain.Forecasts;
using Investment.Domain.Leads;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Forecasts;

/// <summary>
/// The stored read model of a zone's settings stream: the domain's <see cref="ZoneProbabilities"/>, its service standard
/// (null in a document stored before it was added, read as the default) and its stream version (the ETag of both).
/// </summary>
public sealed record ZoneProbabilitySettings(Guid Id, ZoneProbabilities Settings, long Version, ZoneServiceStandard? Standard = null) : IVersioned
{
    public ZoneServiceStandard StandardOrDefault() => Standard ?? ZoneServiceStandard.Defaults(Settings.ZoneCode);
}

public sealed partial class ZoneProbabilitySettingsProjection : SingleStreamProjection<ZoneProbabilitySettings, Guid>
{
    public static ZoneProbabilitySettings Create(IEvent<StageProbabilitiesSet> e) =>
        new(e.Data.SettingsId, ZoneProbabilities.Defaults(e.Data.ZoneCode).Apply(e.Data), e.Version, ZoneServiceStandard.Defaults(e.Data.ZoneCode));

    public static ZoneProbabilitySettings Create(IEvent<ServiceStandardSet> e) =>
        new(e.Data.SettingsId, ZoneProbabilities.Defaults(e.Data.ZoneCode), e.Version, ZoneServiceStandard.Defaults(e.Data.ZoneCode).Apply(e.Data));

    public static ZoneProbabilitySettings Apply(IEvent<StageProbabilitiesSet> e, ZoneProbabilitySettings s) =>
        s with { Settings = s.Settings.Apply(e.Data), Version = e.Version };

    public static ZoneProbabilitySettings Apply(IEvent<ServiceStandardSet> e, ZoneProbabilitySettings s) =>
        s with { Standard = s.StandardOrDefault().Apply(e.Data), Version = e.Version };
}
