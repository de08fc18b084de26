using Investment.Domain.Certificates;
using Investment.Domain.Common;

namespace Investment.Api.Certificates;

public static class CertificateLookup
{
    public static string Location(Guid id) => $"/api/v1/certificates/{id}";

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("certificate.not_found", $"There is no certificate with id {id}.");

    public static Task<CertificateDetails?> FindNumber(this IQuerySession session, string number, CancellationToken ct) =>
        session.Query<CertificateDetails>().FirstOrDefaultAsync(Numbered(number), ct);

    /// <summary>The certificate holding a number (stored trimmed; unique by index).</summary>
    public static System.Linq.Expressions.Expression<Func<CertificateDetails, bool>> Numbered(string number)
    {
        var trimmed = number.Trim();
        return x => x.Certificate.Number == trimmed;
    }

    public static ProblemHttpResult NumberTaken(CertificateDetails existing) => Problems.Conflict(
        new Refusal("certificate.number_taken", $"Certificate number {existing.Certificate.Number} is already issued ({existing.Certificate.ProjectName})."),
        new Dictionary<string, object?> { ["existingCertificateId"] = existing.Id, ["existingCertificate"] = Location(existing.Id) });

    /// <summary>What a caller may see of a certificate: partners do not see who inspected.</summary>
    public static Certificate For(this Certificate certificate, ClaimsPrincipal user) =>
        user.SeesPersonalData() ? certificate : certificate.WithoutPersonalData();
}
