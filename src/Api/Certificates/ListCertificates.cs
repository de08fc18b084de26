using Investment.Api.Documents;
using Investment.Domain.Common;
using Investment.Domain.Certificates;
using Investment.Domain.Investors;

namespace Investment.Api.Certificates;

/// <summary>
/// A certificate as a register page lists it (issue 18): what a row of the register shows, a fraction of the whole
/// certificate (a phone downloaded ~1.7 KB per certificate before). GET /certificates/{id} answers all of it: amendments,
/// inspections, suspensions, the schedule.
/// </summary>
/// <param name="CapitalUsd">The registered capital now, in USD (after amendments).</param>
/// <param name="RealisedUsd">The capital disbursed so far, from the latest inspection, in USD.</param>
public sealed record CertificateSummary(
    Guid Id, string Number, string ProjectName, IReadOnlyList<CertificateInvestor> Investors, string ZoneCode, Sector Sector,
    decimal CapitalUsd, decimal LandAreaHectares, LocalDate IssuedOn, CertificateStatus Status, decimal RealisedUsd)
{
    public static CertificateSummary Of(Certificate c) =>
        new(c.Id, c.Number, c.ProjectName, c.Investors, c.ZoneCode, c.Sector, c.CapitalUsd, c.LandAreaHectares, c.IssuedOn, c.Status, c.RealisedUsd);
}

/// <summary>
/// A certificate's row in the register, stored beside it (<see cref="CertificateDetails.RegisterRow"/>): its two paging
/// keys (digits), then its summary as the API answers it (HTTP JSON), separated by spaces. A register page writes the
/// summaries as they are stored: no certificate is read, deserialised or serialised again.
/// </summary>
public static class RegisterRows
{
    public static string Write(Certificate certificate, string issuedKey, string capitalKey) =>
        $"{issuedKey} {capitalKey} {System.Text.Json.JsonSerializer.Serialize(CertificateSummary.Of(certificate), Json.Options)}";

    public static (string IssuedKey, string CapitalKey, string Summary) Read(string row)
    {
        var first = row.IndexOf(' ', StringComparison.Ordinal);
        var second = row.IndexOf(' ', first + 1);
        return (row[..first], row[(first + 1)..second], row[(second + 1)..]);
    }
}

/// <summary>
/// A register page from the stored rows: the same bytes as <see cref="Page{T}"/> of <see cref="CertificateSummary"/>
/// serialised (so the same ETag), written as stored.
/// </summary>
public sealed class RegisterPage : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    private readonly byte[] body;

    public RegisterPage(IReadOnlyList<string> summaries, string? nextCursor)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + summaries.Sum(s => s.Length) * 2);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = Json.Options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var summary in summaries) writer.WriteRawValue(summary, skipInputValidation: true);
            writer.WriteEndArray();
            if (nextCursor is not null) writer.WriteString("nextCursor", nextCursor);
            writer.WriteEndObject();
        }
        body = buffer.WrittenSpan.ToArray();
    }

    public string ETag => ConditionalGetFilter.ETagOf(body);

    public int? StatusCode => StatusCodes.Status200OK;

    public object? Value => body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = body.Length;
        return httpContext.Response.Body.WriteAsync(body).AsTask();
    }
}

public static class ListCertificates
{
    private static readonly string[] Sorts = ["issuedOn", "-issuedOn", "capital", "-capital"];

    /// <summary>A workbook holds the whole register (the zone had about 120 certificates in 2014); this bounds a request.</summary>
    public const int MaxWorkbookRows = 20_000;

    /// <param name="zone">A zone code, such as dung-quat.</param>
    /// <param name="status">active, suspended or revoked.</param>
    /// <param name="sector">The project's sector.</param>
    /// <param name="country">The country of one of the investors (ISO 3166-1 alpha-2).</param>
    /// <param name="issueYear">The calendar year of the issue date.</param>
    /// <param name="number">The certificate number, exactly.</param>
    /// <param name="sort">issuedOn, -issuedOn (newest first, the default), capital or -capital (largest first).</param>
    /// <param name="limit">Items per page, 1–200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page (with the same sort).</param>
    /// <param name="format">json (the default, a page) or xlsx (the whole register matching the filters as a workbook, in the language of Accept-Language; limit and cursor do not apply); instead of the Accept header.</param>
    public static async Task<Results<Ok<Page<CertificateSummary>>, RegisterPage, FileContentHttpResult, ProblemHttpResult>> Handle(
        string? zone, string? status, string? sector, string? country, int? issueYear, string? number, string? sort,
        [System.ComponentModel.DataAnnotations.Range(1, Paging.MaxLimit)] int? limit, string? cursor, string? format,
        IQuerySession session, ClaimsPrincipal user, IClock clock, HttpContext http, CancellationToken ct)
    {
        if (Formats.Choose(http.Request, format, out var answer, AnswerFormat.Xlsx) is { } badFormat) return badFormat;
        var order = sort ?? "-issuedOn";
        if (!Sorts.Contains(order)) return Problems.BadRequest("request.invalid_sort", $"sort must be one of: {string.Join(", ", Sorts)}.");
        // A cursor holds a position in one order: sealed with the sort, it is refused (400) under another.
        if (Paging.CheckKey(limit, cursor, out var take, out var after, scope: order) is { } badPage) return badPage;
        if (QueryValues.Enum<CertificateStatus>(status, "status", out var wantedStatus) is { } badStatus) return badStatus;
        if (QueryValues.Enum<Sector>(sector, "sector", out var wantedSector) is { } badSector) return badSector;
        if (issueYear is < 1990 or > 2100) return Problems.BadRequest("request.invalid_issueYear", "issueYear must be between 1990 and 2100.");

        // Every value the query compares with is a plain local: a method call inside the expression (zone.Trim(), take + 1)
        // makes Marten compile a lambda at each request to evaluate it (issue 18: the register page's CPU).
        var query = session.Query<CertificateDetails>().AsQueryable();
        var wantedZone = zone?.Trim();
        if (!string.IsNullOrWhiteSpace(wantedZone)) query = query.Where(x => x.Certificate.ZoneCode == wantedZone);
        if (wantedStatus is { } st) query = query.Where(x => x.Certificate.Status == st);
        if (wantedSector is { } se) query = query.Where(x => x.Certificate.Sector == se);
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            query = query.Where(x => x.InvestorCountries.Contains(code));
        }
        if (issueYear is { } year) query = query.Where(x => x.IssueYear == year);
        var wantedNumber = number?.Trim();
        if (!string.IsNullOrWhiteSpace(wantedNumber)) query = query.Where(x => x.Certificate.Number == wantedNumber);

        query = order switch
        {
            "issuedOn" => (after is null ? query : query.Where(x => x.IssuedKey.CompareTo(after) > 0)).OrderBy(x => x.IssuedKey),
            "-issuedOn" => (after is null ? query : query.Where(x => x.IssuedKey.CompareTo(after) < 0)).OrderByDescending(x => x.IssuedKey),
            "capital" => (after is null ? query : query.Where(x => x.CapitalKey.CompareTo(after) > 0)).OrderBy(x => x.CapitalKey),
            _ => (after is null ? query : query.Where(x => x.CapitalKey.CompareTo(after) < 0)).OrderByDescending(x => x.CapitalKey),
        };
        if (answer == AnswerFormat.Xlsx)
        {
            var all = await query.Take(MaxWorkbookRows).ToListAsync(ct);
            var filters = string.Join(", ", new[] { ("zone", zone), ("status", status), ("sector", sector), ("country", country),
                ("issueYear", issueYear?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("number", number), ("sort", sort) }
                .Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"{f.Item1}={f.Item2!.Trim()}"));
            return Formats.Workbook(RegisterWorkbook.Write([.. all.Select(x => x.Certificate.For(user))], filters, VietnamCalendar.Today(clock.GetCurrentInstant())),
                "certificate-register");
        }
        // Only each certificate's stored row is read (issue 18): a small column, never the document. A summary holds no
        // personal data (no inspector): officers and partners see the same.
        var oneMore = take + 1;
        var stored = await query.Take(oneMore).Select(x => x.RegisterRow).ToListAsync(ct);
        if (stored.All(r => r is not null))
        {
            var read = Paging.Of([.. stored.Select(RegisterRows.Read)], take, x => order.EndsWith("issuedOn", StringComparison.Ordinal) ? x.IssuedKey : x.CapitalKey, scope: order);
            var written = new RegisterPage([.. read.Items.Select(x => x.Summary)], read.NextCursor);
            http.Response.Headers.ETag = written.ETag; // the conditional-get filter answers 304 from it
            return written;
        }
        // Documents stored before the rows were kept (until rebuild-projections): the summary's fields from the document.
        var rows = await query.Take(oneMore).Select(x => new Row(x.Certificate.Id, x.Certificate.Number, x.Certificate.ProjectName, x.Certificate.Investors,
            x.Certificate.ZoneCode, x.Certificate.Sector, x.Certificate.CapitalUsd, x.Certificate.LandAreaHectares, x.Certificate.IssuedOn,
            x.Certificate.Status, x.Certificate.RealisedUsd, x.IssuedKey, x.CapitalKey)).ToListAsync(ct);
        var page = Paging.Of(rows, take, x => order.EndsWith("issuedOn", StringComparison.Ordinal) ? x.IssuedKey : x.CapitalKey, scope: order);
        return TypedResults.Ok(new Page<CertificateSummary>([.. page.Items.Select(x => new CertificateSummary(x.Id, x.Number, x.ProjectName, x.Investors,
            x.ZoneCode, x.Sector, x.CapitalUsd, x.LandAreaHectares, x.IssuedOn, x.Status, x.RealisedUsd))], page.NextCursor));
    }

    /// <summary>A summary and its paging keys, as the query selects them.</summary>
    private sealed record Row(Guid Id, string Number, string ProjectName, IReadOnlyList<CertificateInvestor> Investors, string ZoneCode, Sector Sector,
        decimal CapitalUsd, decimal LandAreaHectares, LocalDate IssuedOn, CertificateStatus Status, decimal RealisedUsd, string IssuedKey, string CapitalKey);
}
