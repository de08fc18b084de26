using Investment.Domain.Leads;

namespace Investment.Api.Forecasts;

public static class SetServiceStandard
{
    /// <param name="WorkingDays">The working days (Vietnam's calendar, weekends and public holidays excluded) within which a lead is to be answered: 1 to 30.</param>
    /// <param name="Reason">Why the standard changed.</param>
    public sealed record Request(int WorkingDays, string? Reason = null);

    public static readonly Request Example = new(1, "Investment promotion charter 2014: every enquiry answered within one working day.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.WorkingDays).InclusiveBetween(ServiceStandardDecider.Shortest, ServiceStandardDecider.Longest)
                .WithMessage($"workingDays must be a whole number of working days from {ServiceStandardDecider.Shortest} to {ServiceStandardDecider.Longest}.");
            RuleFor(x => x.Reason).MaximumLength(1000).Must(Text.HasNoControlCharacters);
        }
    }

    /// <summary>
    /// Records a new version of the zone's service standard (admins). It lives in the zone's one settings stream with the
    /// stage probabilities: If-Match is that stream's version (the ETag either GET answers; 0 while nothing is set), and a
    /// stale one answers 412, so two admins never overwrite each other silently. The same standard again records nothing.
    /// The pipeline counts against the standard now in force; a report as known on a date, against the version recorded by then.
    /// </summary>
    public static Task<Results<Ok<ZoneServiceStandard>, ProblemHttpResult>> Handle(
        string code, Request request, [AsParameters] StreamCommandContext command) =>
        ZoneSettings.Write(code, command,
            (stored, now) => ServiceStandardDecider.Set(GetServiceStandard.Of(stored, code), request.WorkingDays, request.Reason, now),
            stored => GetServiceStandard.Of(stored, code));
}
