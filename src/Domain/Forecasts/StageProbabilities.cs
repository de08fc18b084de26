using Investment.Domain.Common;
using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Domain.Forecasts;

/// <summary>
/// The likelihood that a lead at each open stage lands (is certified), 0–1 (issue 14 §2.5). The defaults follow the
/// funnel most agencies report (the UK's Data Hub grades likelihood to land low / medium / high); admins set a zone's own.
/// </summary>
public sealed record StageProbabilities(decimal Prospect, decimal Engaged, decimal SiteVisit, decimal Commitment, decimal Applied)
{
    public static readonly StageProbabilities Default = new(0.05m, 0.15m, 0.30m, 0.60m, 0.85m);

    /// <summary>A stage's probability; 0 for certified and lost leads, which land no more.</summary>
    public decimal Of(LeadStage stage) => stage switch
    {
        LeadStage.Prospect => Prospect,
        LeadStage.Engaged => Engaged,
        LeadStage.SiteVisit => SiteVisit,
        LeadStage.Commitment => Commitment,
        LeadStage.Applied => Applied,
        _ => 0m,
    };

    public IEnumerable<decimal> All => [Prospect, Engaged, SiteVisit, Commitment, Applied];
}

public sealed record StageProbabilitiesSet(Guid SettingsId, string ZoneCode, StageProbabilities Probabilities, string? Reason, string RecordedBy, Instant RecordedAt)
    : IRecordedEvent;

/// <summary>One version of a zone's probabilities: who set them when, and why.</summary>
public sealed record ProbabilityVersion(int Number, StageProbabilities Probabilities, string? Reason, string? RecordedBy, Instant RecordedAt);

/// <summary>A zone's stage probabilities, folded from their events: the current ones and every version (versioned like targets).</summary>
/// <param name="IsDefault">True while no admin has set the zone's own: the probabilities are <see cref="StageProbabilities.Default"/>.</param>
public sealed record ZoneProbabilities(string ZoneCode, StageProbabilities Probabilities, bool IsDefault, IReadOnlyList<ProbabilityVersion> Versions)
{
    public static ZoneProbabilities Defaults(string zoneCode) => new(zoneCode, StageProbabilities.Default, true, []);

    public ZoneProbabilities Apply(StageProbabilitiesSet e) => this with
    {
        Probabilities = e.Probabilities,
        IsDefault = false,
        Versions = [.. Versions, new ProbabilityVersion(Versions.Count + 1, e.Probabilities, e.Reason, e.RecordedBy, e.RecordedAt)],
    };

    /// <summary>The probabilities as known at an instant: the latest version recorded before it, else the defaults.</summary>
    public StageProbabilities KnownAt(Instant instant) => Versions.LastOrDefault(v => v.RecordedAt < instant)?.Probabilities ?? StageProbabilities.Default;

    /// <summary>For partners: the versions and dates stay, the admins who recorded them are not named.</summary>
    public ZoneProbabilities WithoutPersonalData() => this with { Versions = [.. Versions.Select(v => v with { RecordedBy = null })] };
}

public static class ProbabilityDecider
{
    public static Guid IdOf(string zoneCode) => StableId.From("stage-probabilities", zoneCode);

    /// <summary>The rule of a probability: a share from 0 to 1 (the request's validator applies it, a 400 naming the stage).</summary>
    public static bool IsShare(decimal probability) => probability is >= 0m and <= 1m;

    /// <summary>Records a new version; the same probabilities again record nothing.</summary>
    public static Decision Set(ZoneProbabilities current, StageProbabilities requested, string? reason, Recording recording)
    {
        return !current.IsDefault && current.Probabilities == requested
            ? Decision.Nothing
            : Decision.Accept(new StageProbabilitiesSet(IdOf(current.ZoneCode), current.ZoneCode, requested, Rules.Blank(reason), recording.By, recording.At));
    }
}

/// <summary>An open lead as the forecast counts it: its stage and its estimate in USD, as known at the figures' instant.</summary>
public sealed record ForecastLead(LeadStage Stage, decimal EstimateUsd);

public static class PipelineForecast
{
    /// <summary>
    /// The expected capital of the open leads expected to land in <paramref name="year"/>, read on <paramref name="today"/>:
    /// each lead's estimate × its stage's probability, rounded to the cent once per lead (half away from zero), summed.
    /// A lead has no expected landing date of its own: the open leads counted are those open on the day, active (a fact —
    /// opened, moved, a contact — dated in the year or the year before, which the caller selects), and only while the
    /// year runs: before it, nothing of the pipeline is expected yet; after it, nothing more lands in it (0).
    /// </summary>
    public static decimal Expected(IEnumerable<ForecastLead> leads, StageProbabilities probabilities, int year, LocalDate today) =>
        today.Year != year ? 0.00m : leads.Sum(l => Money.Cents(l.EstimateUsd * probabilities.Of(l.Stage))) + 0.00m;
}
