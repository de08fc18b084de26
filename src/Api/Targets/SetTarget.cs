using Investment.Api.Zones;
using Investment.Domain.Targets;
using Investment.Domain.Zones;

namespace Investment.Api.Targets;

public static class SetTarget
{
    /// <param name="Decision">The decision that set the target, such as 25/QĐ-UBND.</param>
    /// <param name="DecidedOn">The date of that decision.</param>
    /// <param name="Reason">For a revision: why the target changed.</param>
    public sealed record Request(decimal MinimumUsd, decimal MaximumUsd, string Decision, LocalDate DecidedOn, string? Reason = null);

    public static readonly Request Example = new(100_000_000m, 150_000_000m, "25/QĐ-UBND", new LocalDate(2014, 1, 8));

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.MinimumUsd).GreaterThanOrEqualTo(0m).LessThanOrEqualTo(1_000_000_000_000_000m).PrecisionScale(20, 2, ignoreTrailingZeros: true);
            RuleFor(x => x.MaximumUsd).GreaterThanOrEqualTo(x => x.MinimumUsd).WithMessage("maximumUsd must be at least minimumUsd.")
                .LessThanOrEqualTo(1_000_000_000_000_000m).PrecisionScale(20, 2, ignoreTrailingZeros: true);
            RuleFor(x => x.Decision).NotEmpty().MaximumLength(100).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.Reason).MaximumLength(1000).Must(Text.HasNoControlCharacters);
        }
    }

    /// <summary>
    /// Creates the target (201) or revises it (200): the zone and year name it, so retrying is safe. As RFC 9110 says,
    /// If-Match (any value) holds only for a target that exists, and If-None-Match: * only for one that does not: a
    /// client can so ask to create only, or to revise only, and is told 412 otherwise.
    /// </summary>
    public static async Task<Results<Created<Target>, Ok<Target>, ProblemHttpResult>> Handle(
        string code, int year, Request request, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, [AsParameters] StreamCommandContext command)
    {
        var (session, ct) = (command.Session, command.Cancelled);
        if (year is < 2000 or > 2100) return Problems.BadRequest("request.invalid_year", "year must be between 2000 and 2100.");
        if (await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null)
            return Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'.");
        var range = new TargetRange(request.MinimumUsd, request.MaximumUsd, request.Decision, request.DecidedOn);
        var id = TargetDecider.IdOf(code, year);
        var existing = await session.Events.FetchStreamStateAsync(id, ct);

        if (existing is null && !string.IsNullOrWhiteSpace(command.IfMatch))
            return Problems.Make(StatusCodes.Status412PreconditionFailed, "Precondition failed", "concurrency.target_missing",
                $"If-Match names a version of the {year} target of '{code}', which does not exist yet; send no If-Match (or If-None-Match: *) to create it.");
        if (existing is not null && ifNoneMatch?.Trim() == "*")
            return Problems.Make(StatusCodes.Status412PreconditionFailed, "Precondition failed", "concurrency.target_exists",
                $"If-None-Match: * asks to create the {year} target of '{code}', which already exists (its ETag is \"{existing.Version}\"); send If-Match to revise it.",
                new Dictionary<string, object?> { ["currentVersion"] = existing.Version });
        if (existing is not null)
        {
            var written = await command.Decide<ZoneTarget>(id,
                (current, now) => TargetDecider.Set(code, year, current.Target, range, request.Reason, now), _ => GetTarget.NotFound(code, year));
            return written.Problem is { } problem ? problem : TypedResults.Ok(written.Document!.Target);
        }

        var decision = TargetDecider.Set(code, year, null, range, request.Reason, command.Recording());
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);
        session.Events.StartStream<ZoneTarget>(id, [.. decision.Events]);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return Problems.ConcurrentChange(); // set by another admin at the same moment
        }
        var created = (await session.LoadAsync<ZoneTarget>(id, ct))!;
        ETags.Set(command.Http, created.Version);
        return TypedResults.Created(GetTarget.Location(code, year), created.Target);
    }
}
