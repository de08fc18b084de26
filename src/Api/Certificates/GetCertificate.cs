using Investment.Domain.Certificates;

namespace Investment.Api.Certificates;

public static class GetCertificate
{
    public static async Task<Results<Ok<Certificate>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<CertificateDetails>(id, ct) is not { } details) return CertificateLookup.NotFound(id);
        ETags.Set(http, details.Version);
        return TypedResults.Ok(details.Certificate.For(user));
    }
}
