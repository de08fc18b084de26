using Investment.Domain.Forecasts;

namespace Investment.Api.Forecasts;

public static class GetStageProbabilities
{
    /// <summary>The zone's probabilities, or the defaults (isDefault) while no admin has set them.</summary>
    public static ZoneProbabilities Of(ZoneProbabilitySettings? stored, string code) => stored?.Settings ?? ZoneProbabilities.Defaults(code);

    /// <summary>
    /// The stage probabilities and every version of them, each with who recorded it when (not named to partners). They
    /// are part of the zone's versioned settings with its service standard (GET service-standard): the ETag is the
    /// version of both.
    /// </summary>
    public static Task<Results<Ok<ZoneProbabilities>, ProblemHttpResult>> Handle(
        string code, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        ZoneSettings.Read(code, session, user, http, stored => Of(stored, code), settings => settings.WithoutPersonalData(), ct);
}
