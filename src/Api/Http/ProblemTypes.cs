using System.Net;
using System.Text;

namespace Investment.Api.Http;

/// <summary>A problem code: the status it comes with, and what it means and what to do, in words.</summary>
/// <param name="Scope">The feature whose operations answer it (its resource prefix: lead, certificate…); null when any may.</param>
public sealed record ProblemType(string Code, int Status, string Explanation, string? Scope = null);

/// <summary>
/// Every problem's <c>type</c> is a stable URI per code, /problems/{code}, that the API serves as a page explaining it:
/// a client compares the <c>code</c>, a person follows the <c>type</c>. The OpenAPI document lists, on each answer,
/// the codes it may carry from this same table.
/// </summary>
public static class ProblemTypes
{
    public const string Path = "/problems";

    /// <summary>Codes made from a parameter's name (request.invalid_limit, request.invalid_asOf…) share one page.</summary>
    public const string InvalidParameter = "request.invalid_parameter";

    public static readonly IReadOnlyList<ProblemType> All =
    [
        new("validation.failed", 400, "Fields of the body break the rules in the OpenAPI schema; `errors` lists the messages per field (JSON names). Fix them; do not retry as is."),
        new("request.malformed_json", 400, "The body is not JSON of the expected shape: `detail` names the JSON path (a wrong type, an unknown or missing field, a value out of range such as an impossible date or an instant without offset)."),
        new(InvalidParameter, 400, "A query parameter, path value or header cannot be used (code request.invalid_{name}, such as request.invalid_limit, request.invalid_cursor, request.invalid_if_match, request.invalid_idempotency_key): `detail` says which values it takes."),
        new("request.invalid", 400, "The request could not be read."),
        new("auth.unauthenticated", 401, "No valid bearer token: send `Authorization: Bearer <token>`, a JWT from the authority, unexpired."),
        new("auth.forbidden", 403, "The token's role does not allow this operation: officers and admins write, partners read public figures, admins set targets."),
        new("resource.not_found", 404, "Nothing lives at this address."),
        new("investor.not_found", 404, "No investor has this id.", "investor"),
        new("lead.not_found", 404, "No lead has this id.", "lead"),
        new("contact.not_found", 404, "The lead has no contact with this id.", "lead"),
        new("certificate.not_found", 404, "No certificate has this id.", "certificate"),
        new("zone.not_found", 404, "No zone has this code; GET /api/v1/zones lists them.", "zone"),
        new("target.not_found", 404, "No target is set for this zone and year.", "target"),
        new("import.not_found", 404, "No import has this id.", "import"),
        new("request.method_not_allowed", 405, "This method is not allowed on this address."),
        new("request.not_acceptable", 406, "The answer cannot be given in the media type asked for in Accept."),
        new("investor.duplicate", 409, "An investor with the same country and legal name (compared without case, accents or spacing) is registered; the problem links to it.", "investor"),
        new("lead.lost", 409, "The lead is lost: reopen it first.", "lead"),
        new("lead.already_lost", 409, "The lead is already lost.", "lead"),
        new("lead.not_lost", 409, "Only a lost lead can be reopened.", "lead"),
        new("lead.certified", 409, "The lead is certified: it no longer changes stage.", "lead"),
        new("lead.certification_needs_certificate", 409, "A lead becomes certified only when a certificate naming it is issued.", "lead"),
        new("lead.reason_required", 409, "Moving a lead back to an earlier stage needs a reason.", "lead"),
        new("lead.lose_with_reason", 409, "Losing a lead goes through POST /leads/{id}/lose with a reason.", "lead"),
        new("lead.date_before_stage", 409, "The date given is before the lead entered its current stage.", "lead"),
        new("contact.in_future", 409, "The contact's time is in the future.", "lead"),
        new("contact.follow_up_before_contact", 409, "The follow-up date is before the contact.", "lead"),
        new("contact.withdrawn", 409, "The contact was withdrawn: it can no longer be corrected or withdrawn.", "lead"),
        new("date.in_future", 409, "A business date is after today in Vietnam."),
        new("certificate.number_taken", 409, "Another certificate has this number; the problem links to it.", "certificate"),
        new("certificate.revoked", 409, "The certificate is revoked: nothing more is recorded on it.", "certificate"),
        new("certificate.already_suspended", 409, "The certificate is already suspended.", "certificate"),
        new("certificate.not_suspended", 409, "Only a suspended certificate can be resumed.", "certificate"),
        new("certificate.investor_already_party", 409, "An amendment adds an investor who is already a party to the certificate.", "certificate"),
        new("certificate.investor_not_party", 409, "An amendment removes an investor who is not a party to the certificate on its date.", "certificate"),
        new("certificate.shares_above_100", 409, "The investors' known shares of capital would add up to more than 100 %.", "certificate"),
        new("certificate.no_investor_left", 409, "An amendment would leave the certificate with no investor: a transfer names who takes it over.", "certificate"),
        new("certificate.date_before_issue", 409, "The date is before the certificate's issue date.", "certificate"),
        new("certificate.date_out_of_order", 409, "The date is before the certificate's latest recorded fact.", "certificate"),
        new("certificate.amendment_out_of_order", 409, "An amendment is dated before the previous amendment.", "certificate"),
        new("certificate.capital_below_zero", 409, "The capital reduction would take the registered capital below zero.", "certificate"),
        new("certificate.extension_limit", 409, "Extensions may add at most 24 months over the certificate's life.", "certificate"),
        new("certificate.milestone_before_issue", 409, "A milestone is due before the issue date.", "certificate"),
        new("certificate.unknown_milestone", 409, "A milestone named as met is not in the certificate's schedule.", "certificate"),
        new("certificate.lead_mismatch", 409, "The lead named is a project of another zone or investor.", "certificate"),
        new("target.invalid_range", 409, "The target's minimum is above its maximum.", "target"),
        new("concurrency.conflict", 409, "Another write to the same resource landed at the same moment and nothing of yours was saved: retry (with the same Idempotency-Key)."),
        new("resource.conflict", 409, "Something with the same identity was saved at the same moment; nothing of yours was saved: read again and retry."),
        new("idempotency.in_progress", 409, "A request with this Idempotency-Key is still running: retry in a moment."),
        new("idempotency.answer_lost", 409, "The first request with this Idempotency-Key was saved but its answer could not be kept: do not send it again; read the resource to see what it recorded."),
        new("request.conflict", 409, "The request conflicts with the resource's state."),
        new("concurrency.target_missing", 412, "If-Match was sent to revise a zone's target for a year that has none yet: send no If-Match (or If-None-Match: *) to create it."),
        new("concurrency.target_exists", 412, "If-None-Match: * asked to create a zone's target for a year that already has one: GET it and send its ETag in If-Match to revise it."),
        new("concurrency.stale", 412, "The resource changed since you read it (If-Match no longer matches its ETag): GET it again, decide again, resend with the new ETag."),
        new("request.too_large", 413, "The body is over 1 MiB."),
        new("request.unsupported_media_type", 415, "Send the body as JSON with `Content-Type: application/json`."),
        new("import.unsupported_file_type", 415, "An import takes multipart/form-data holding one .xlsx workbook (the template's) or CSV files named as their sheets.", "import"),
        new("idempotency.key_reused", 422, "This Idempotency-Key was used with a different request: use a new key for a new request."),
        new("lead.investor_unknown", 422, "investorId names no registered investor: register it first.", "lead"),
        new("lead.zone_unknown", 422, "zone is not a zone code; GET /api/v1/zones lists them.", "lead"),
        new("certificate.investor_unknown", 422, "investorIds name an investor that is not registered.", "certificate"),
        new("certificate.zone_unknown", 422, "zone is not a zone code; GET /api/v1/zones lists them.", "certificate"),
        new("certificate.lead_unknown", 422, "leadId names no lead.", "certificate"),
        new("request.unprocessable", 422, "The request refers to something that cannot be used."),
        new("import.rejected", 422, "The file has problems and nothing was stored: `problems` lists each with its sheet, row, column, a stable code (import.invalid_date, import.unknown_code, import.unknown_investor, import.duplicate_key, import.conflict, import.known_since_before_date, import.formula_cell… or the rule a decider refused, certificate.*, lead.*, contact.*) and a sentence. Fix the rows and upload again.", "import"),
        new("import.empty_file", 422, "The upload holds no file, or no row of a sheet of the template.", "import"),
        new("import.unreadable_file", 422, "The file is not a readable .xlsx workbook or UTF-8 CSV text (or the multipart body is broken).", "import"),
        new("import.unknown_sheet", 422, "A CSV part is not named as a sheet of the template (investors, certificates, amendments, inspections, revocations, leads, contacts).", "import"),
        new("import.concurrent_change", 422, "A fact of the file was recorded by hand while the import ran; nothing was stored: upload the file again.", "import"),
        new("import.failed", 422, "A background import failed unexpectedly; nothing was stored.", "import"),
        new("import.interrupted", 422, "The process running a background import stopped before it finished; nothing of it was stored: upload the file again.", "import"),
        new("request.rate_limited", 429, "Too many requests from this client this minute: wait the `Retry-After` seconds."),
        new("server.error", 500, "A bug: nothing you can fix. Report it with the `traceId`."),
        new("database.unavailable", 503, "The database cannot be reached; nothing was saved. Wait the `Retry-After` seconds and retry (with the same Idempotency-Key)."),
        new("service.unavailable", 503, "The service cannot answer right now; wait the `Retry-After` seconds and retry."),
        new("request.failed", 400, "The request failed."),
    ];

    private static readonly Dictionary<string, ProblemType> ByCode = All.ToDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>The entry for a code (request.invalid_cursor → request.invalid_parameter), or null for a code not listed.</summary>
    public static ProblemType? Find(string code) =>
        ByCode.TryGetValue(code, out var type) ? type
        : code.StartsWith("request.invalid_", StringComparison.Ordinal) ? ByCode[InvalidParameter]
        : null;

    /// <summary>The problem's type URI: relative to the API's address, so it is the same on every deployment.</summary>
    public static string UriOf(string code) => $"{Path}/{(Find(code)?.Code ?? code)}";

    /// <summary>GET /problems and /problems/{code}: the pages the types lead to (anonymous, not part of the API's document).</summary>
    public static IEndpointRouteBuilder MapProblemTypes(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => Html(Languages.Say("Problem types", "Các loại lỗi"), All)).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(Path + "/{code}", (string code) => Find(code) is { } type ? Html(type.Code, [type]) : Results.NotFound())
            .ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static IResult Html(string title, IEnumerable<ProblemType> types)
    {
        var html = new StringBuilder($"<!doctype html><html lang=\"{Languages.Current}\"><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)} · Dung Quat Investment API</title>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1><dl>");
        foreach (var type in types)
            html.Append("<dt id=\"").Append(WebUtility.HtmlEncode(type.Code)).Append("\"><code>").Append(WebUtility.HtmlEncode(type.Code))
                .Append("</code> (").Append(type.Status).Append(")</dt><dd>")
                .Append(WebUtility.HtmlEncode(Languages.InVietnamese ? ProblemTexts.Explanation(type.Code) ?? type.Explanation : type.Explanation)).Append("</dd>");
        html.Append(Languages.Say(
            "</dl><p>Problems are RFC 9457 problem details: compare their <code>code</code>; quote their <code>traceId</code> when reporting one.</p></html>",
            "</dl><p>Lỗi được trả về theo RFC 9457 (problem details): hãy so sánh <code>code</code>; khi báo lỗi, hãy gửi kèm <code>traceId</code>.</p></html>"));
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
