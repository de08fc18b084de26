using Investment.Domain.Targets;

namespace Investment.Api.Targets;

public static class GetTarget
{
    public static string Location(string code, int year) => $"/api/v1/zones/{code}/targets/{year}";

    public static ProblemHttpResult NotFound(string code, int year) =>
        Problems.NotFound("target.not_found", $"Zone '{code}' has no target for {year}.");

    /// <summary>The target and every version of it, each with its decision and who recorded it when.</summary>
    public static async Task<Results<Ok<Target>, ProblemHttpResult>> Handle(
        string code, int year, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<ZoneTarget>(TargetDecider.IdOf(code, year), ct) is not { } stored) return NotFound(code, year);
        ETags.Set(http, stored.Version);
        return TypedResults.Ok(user.SeesPersonalData() ? stored.Target : stored.Target.WithoutPersonalData());
    }
}
