using Investment.Domain.Certificates;

namespace Investment.Api.Certificates;

public static class GetCertificate
{
    /// <param name="asOf">The certificate as it stood at the end of this business date (2014-07-05): capital, investors, status, schedule, realised capital and jobs; as of now when omitted.</param>
    public static async Task<Results<Ok<Certificate>, ProblemHttpResult>> Handle(
        Guid id, string? asOf, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (QueryValues.Date(asOf, "asOf", out var date) is { } badDate) return badDate;
        if (await session.LoadAsync<CertificateDetails>(id, ct) is not { } details) return CertificateLookup.NotFound(id);
        ETags.Set(http, details.Version);
        return TypedResults.Ok((date is { } day ? details.Certificate.AsOf(day) : details.Certificate).For(user));
    }
}
