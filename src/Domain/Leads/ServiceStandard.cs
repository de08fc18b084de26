using Investment.Domain.Common;
using Investment.Domain.Forecasts;
using NodaTime;

namespace Investment.Domain.Leads;

/// <summary>
/// A zone's service standard was set (issue 14 §2.4): a lead is answered on time when its first contact comes within this
/// many working days of its opening. Recorded in the zone's one settings stream, beside its stage probabilities.
/// </summary>
public sealed record ServiceStandardSet(Guid SettingsId, string ZoneCode, int WorkingDays, string? Reason, string RecordedBy, Instant RecordedAt)
    : IRecordedEvent;

/// <summary>One version of a zone's service standard: who set it when, and why.</summary>
public sealed record ServiceStandardVersion(int Number, int WorkingDays, string? Reason, string? RecordedBy, Instant RecordedAt);

/// <summary>A zone's service standard, folded from its events: the current one and every version (versioned like targets).</summary>
/// <param name="WorkingDays">The working days (Vietnam's calendar) within which a lead is to be answered.</param>
/// <param name="IsDefault">True while no admin has set the zone's own: the standard is the default, 2 working days.</param>
public sealed record ZoneServiceStandard(string ZoneCode, int WorkingDays, bool IsDefault, IReadOnlyList<ServiceStandardVersion> Versions)
{
    public static ZoneServiceStandard Defaults(string zoneCode) => new(zoneCode, ResponseFigures.DefaultStandardWorkingDays, true, []);

    public ZoneServiceStandard Apply(ServiceStandardSet e) => this with
    {
        WorkingDays = e.WorkingDays,
        IsDefault = false,
        Versions = [.. Versions, new ServiceStandardVersion(Versions.Count + 1, e.WorkingDays, e.Reason, e.RecordedBy, e.RecordedAt)],
    };

    /// <summary>The standard as known at an instant: the latest version recorded before it, else the default.</summary>
    public int KnownAt(Instant instant) => Versions.LastOrDefault(v => v.RecordedAt < instant)?.WorkingDays ?? ResponseFigures.DefaultStandardWorkingDays;

    /// <summary>For partners: the versions and dates stay, the admins who recorded them are not named.</summary>
    public ZoneServiceStandard WithoutPersonalData() => this with { Versions = [.. Versions.Select(v => v with { RecordedBy = null })] };
}

public static class ServiceStandardDecider
{
    public const int Shortest = 1;
    public const int Longest = 30;

    /// <summary>The zone's one settings stream: the same as its stage probabilities', so one version (ETag) covers both.</summary>
    public static Guid IdOf(string zoneCode) => ProbabilityDecider.IdOf(zoneCode);

    /// <summary>
    /// The rule of a standard: 1 to 30 working days (the request's validator applies it, a 400). Less than a day cannot
    /// be counted in working days; more than six weeks is no standard of service.
    /// </summary>
    public static bool IsInRange(int workingDays) => workingDays is >= Shortest and <= Longest;

    /// <summary>Records a new version; the same standard again records nothing.</summary>
    public static Decision Set(ZoneServiceStandard current, int workingDays, string? reason, Recording recording) =>
        !current.IsDefault && current.WorkingDays == workingDays
            ? Decision.Nothing
            : Decision.Accept(new ServiceStandardSet(IdOf(current.ZoneCode), current.ZoneCode, workingDays, Rules.Blank(reason), recording.By, recording.At));
}
