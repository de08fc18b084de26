using Investment.Api.Documents;
using Investment.Api.OpenApi;

namespace Investment.Api.Certificates;

public static class CertificatesApi
{
    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder app)
    {
        var certificates = app.MapGroup("/certificates").WithTags("Certificates");

        certificates.MapPost("/", IssueCertificate.Handle).RequireAuthorization(Policies.Officer)
            .WithName("IssueCertificate").WithSummary("Record an investment certificate issued (safe to retry with Idempotency-Key)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        certificates.MapGet("/", ListCertificates.Handle).RequireAuthorization(Policies.Reader)
            .WithName("ListCertificates").WithSummary("The certificate register: filter by zone, status, sector, investor country, issue year; sort; page; or the whole register as an Excel workbook")
            .AlsoAnswers(Spreadsheet.MediaType, "The whole register matching the filters (Accept: the xlsx media type, or format=xlsx), in the language of "
                + "Accept-Language: a title block, then one row per certificate; number cells with thousands separators, date cells, the header frozen.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        certificates.MapGet("/watchlist", GetWatchlist.Handle).RequireAuthorization(Policies.Reader)
            .WithName("GetRevocationWatchlist")
            .WithSummary("Certificates to review for revocation as of a date: overdue milestones, no inspection, long suspension, stalled; or as an Excel workbook")
            .AlsoAnswers(Spreadsheet.MediaType, "The watchlist (Accept: the xlsx media type, or format=xlsx), in the language of Accept-Language: the date, "
                + "then one row per reason a certificate is listed, with the date it was crossed as a date cell.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        certificates.MapGet("/{id:guid}", GetCertificate.Handle).RequireAuthorization(Policies.Reader)
            .WithName("GetCertificate").WithSummary("A certificate: capital now and as issued, investors, status, schedule, inspections, amendments, realised capital and jobs (as of a date)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        certificates.MapGet("/{id:guid}/history", GetCertificateHistory.Handle).RequireAuthorization(Policies.Officer)
            .WithName("GetCertificateHistory").WithSummary("Every event of a certificate: what, who and when")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        certificates.MapPost("/{id:guid}/amendments", AmendCertificate.Handle).RequireAuthorization(Policies.Officer).StreamCommand("AmendCertificate",
            "Record an amendment: capital up or down, land area, schedule, extension, objectives, investors joining or leaving, planned jobs");
        certificates.MapPost("/{id:guid}/inspections", InspectCertificate.Handle).RequireAuthorization(Policies.Officer).StreamCommand("InspectCertificate",
            "Record an inspection: progress, capital disbursed (realised), milestones met, employees working, findings");
        certificates.MapPost("/{id:guid}/suspend", SuspendCertificate.Handle).RequireAuthorization(Policies.Officer).StreamCommand("SuspendCertificate", "Suspend a certificate");
        certificates.MapPost("/{id:guid}/resume", ResumeCertificate.Handle).RequireAuthorization(Policies.Officer).StreamCommand("ResumeCertificate", "Resume a suspended certificate");
        certificates.MapPost("/{id:guid}/revoke", RevokeCertificate.Handle).RequireAuthorization(Policies.Officer).StreamCommand("RevokeCertificate",
            "Revoke a certificate on a legal ground (final)");
        return app;
    }
}
