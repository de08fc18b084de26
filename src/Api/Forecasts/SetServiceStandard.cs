using Investment.Api.Zones;
using Investment.Domain.Leads;
using Investment.Domain.Zones;

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
    public static async Task<Results<Ok<ZoneServiceStandard>, ProblemHttpResult>> Handle(
        string code, Request request, [AsParameters] StreamCommandContext command)
    {
        var (session, ct) = (command.Session, command.Cancelled);
        if (await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null)
            return Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'.");
        if (!ETags.TryParseIfMatch(command.IfMatch, out var expected)) return ETags.InvalidIfMatch();
        var (current, version) = await GetServiceStandard.Load(session, code, ct);
        if (expected is not null && expected != version) return Problems.Stale(version);

        var decision = ServiceStandardDecider.Set(current, request.WorkingDays, request.Reason, command.Recording());
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);
        if (decision.Events.Count == 0)
        {
            ETags.Set(command.Http, version);
            return TypedResults.Ok(current);
        }
        var id = ServiceStandardDecider.IdOf(code);
        if (version == 0) session.Events.StartStream<ZoneProbabilitySettings>(id, [.. decision.Events]);
        else session.Events.Append(id, version + decision.Events.Count, [.. decision.Events]);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return Problems.ConcurrentChange(); // set by another admin at the same moment
        }
        var saved = (await session.LoadAsync<ZoneProbabilitySettings>(id, ct))!;
        ETags.Set(command.Http, saved.Version);
        return TypedResults.Ok(saved.StandardOrDefault());
    }
}
