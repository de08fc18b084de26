using Investment.Domain.Leads;

namespace Investment.Api.Forecasts;

public static class GetServiceStandard
{
    /// <summary>The zone's service standard, or the default (2 working days) while no admin has set it.</summary>
    public static ZoneServiceStandard Of(ZoneProbabilitySettings? stored, string code) => stored?.StandardOrDefault() ?? ZoneServiceStandard.Defaults(code);

    /// <summary>
    /// The service standard (the working days within which a lead is to be answered; 2 until an admin sets the zone's own)
    /// and every version of it, each with who recorded it when (not named to partners). The pipeline and the reports count
    /// response times against it. It is part of the zone's versioned settings with the stage probabilities: the ETag is the
    /// version of both.
    /// </summary>
    public static Task<Results<Ok<ZoneServiceStandard>, ProblemHttpResult>> Handle(
        string code, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        ZoneSettings.Read(code, session, user, http, stored => Of(stored, code), standard => standard.WithoutPersonalData(), ct);
}
