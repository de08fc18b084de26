using Investment.Api.Zones;
using Investment.Domain.Common;
using Investment.Domain.Forecasts;
using Investment.Domain.Zones;

namespace Investment.Api.Forecasts;

/// <summary>
/// A zone's settings (its stage probabilities and its service standard) are versions in one stream, so both resources
/// are read and written the same way here: one version, the ETag of both; If-Match against it, 412 when stale; the same
/// value again records nothing; two admins at the same moment, 409. Each endpoint says only which part it decides and
/// answers.
/// </summary>
public static class ZoneSettings
{
    /// <summary>The zone's settings document (null while nothing is set) and its version (0 then).</summary>
    public static async Task<(ZoneProbabilitySettings? Stored, long Version)> Load(IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<ZoneProbabilitySettings>(ProbabilityDecider.IdOf(code), ct) is { } stored ? (stored, stored.Version) : (null, 0);

    /// <summary>GET: the part asked for (defaults while unset), its ETag the settings' version; who recorded it is not named to partners.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> Read<T>(
        string code, IQuerySession session, ClaimsPrincipal user, HttpContext http, Func<ZoneProbabilitySettings?, T> part, Func<T, T> withoutPersonalData,
        CancellationToken ct)
    {
        if (await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null) return NoZone(code);
        var (stored, version) = await Load(session, code, ct);
        ETags.Set(http, version);
        var answer = part(stored);
        return TypedResults.Ok(user.SeesPersonalData() ? answer : withoutPersonalData(answer));
    }

    /// <summary>PUT: decides on the settings as they stand and appends to the zone's one settings stream.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> Write<T>(
        string code, StreamCommandContext command, Func<ZoneProbabilitySettings?, Recording, Decision> decide, Func<ZoneProbabilitySettings?, T> part)
    {
        var (session, ct) = (command.Session, command.Cancelled);
        if (await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(code), ct) is null) return NoZone(code);
        if (!ETags.TryParseIfMatch(command.IfMatch, out var expected)) return ETags.InvalidIfMatch();
        var (stored, version) = await Load(session, code, ct);
        if (expected is not null && expected != version) return Problems.Stale(version);

        var decision = decide(stored, command.Recording());
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);
        if (decision.Events.Count == 0)
        {
            ETags.Set(command.Http, version);
            return TypedResults.Ok(part(stored));
        }
        var id = ProbabilityDecider.IdOf(code);
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
        return TypedResults.Ok(part(saved));
    }

    private static ProblemHttpResult NoZone(string code) => Problems.NotFound("zone.not_found", $"There is no zone with code '{code}'.");
}
