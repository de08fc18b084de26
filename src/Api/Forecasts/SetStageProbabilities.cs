using Investment.Domain.Forecasts;

namespace Investment.Api.Forecasts;

public static class SetStageProbabilities
{
    /// <param name="Prospect">The share (0–1) of prospects expected to land.</param>
    /// <param name="Engaged">The share of engaged leads expected to land.</param>
    /// <param name="SiteVisit">The share of leads at site visit expected to land.</param>
    /// <param name="Commitment">The share of leads with a commitment (MoU) expected to land.</param>
    /// <param name="Applied">The share of leads whose dossier is submitted expected to land.</param>
    /// <param name="Reason">Why the probabilities changed.</param>
    public sealed record Request(decimal Prospect, decimal Engaged, decimal SiteVisit, decimal Commitment, decimal Applied, string? Reason = null);

    public static readonly Request Example = new(0.05m, 0.15m, 0.30m, 0.60m, 0.90m, "2013 pipeline review: applied dossiers nearly all certified.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            foreach (var stage in new (string Name, Func<Request, decimal> Of)[]
                     { ("prospect", r => r.Prospect), ("engaged", r => r.Engaged), ("siteVisit", r => r.SiteVisit), ("commitment", r => r.Commitment), ("applied", r => r.Applied) })
                RuleFor(r => stage.Of(r)).Must(ProbabilityDecider.IsShare).PrecisionScale(5, 4, ignoreTrailingZeros: true).OverridePropertyName(stage.Name)
                    .WithMessage($"{stage.Name} must be a share from 0 to 1, with at most four decimals.");
            RuleFor(x => x.Reason).MaximumLength(1000).Must(Text.HasNoControlCharacters);
        }
    }

    /// <summary>
    /// Records a new version of the zone's probabilities (admins). If-Match is the version read (0 while the defaults
    /// stand): a stale one answers 412, so two admins never overwrite each other silently. The same probabilities again
    /// record nothing. The version is that of the zone's settings, which its service standard shares (one ETag for both).
    /// </summary>
    public static Task<Results<Ok<ZoneProbabilities>, ProblemHttpResult>> Handle(
        string code, Request request, [AsParameters] StreamCommandContext command) =>
        ZoneSettings.Write(code, command,
            (stored, now) => ProbabilityDecider.Set(GetStageProbabilities.Of(stored, code),
                new StageProbabilities(request.Prospect, request.Engaged, request.SiteVisit, request.Commitment, request.Applied), request.Reason, now),
            stored => GetStageProbabilities.Of(stored, code));
}
