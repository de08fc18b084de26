using Investment.Domain.Certificates;
using Investment.Domain.Common;

namespace Investment.Api.Certificates;

public static class CertificateCommand
{
    /// <summary>The write path of a command on a certificate: decide on its state, record, and answer the certificate as it is now.</summary>
    public static async Task<Results<Ok<Certificate>, ProblemHttpResult>> Run(
        StreamCommandContext command, Guid id, Func<Certificate, Recording, Decision> decide)
    {
        var written = await command.Decide<CertificateDetails>(id, (details, now) => decide(details.Certificate, now), CertificateLookup.NotFound);
        return written.Problem is { } problem ? problem : TypedResults.Ok(written.Document!.Certificate.For(command.User));
    }
}
