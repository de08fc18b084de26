using Investment.Api.Documents;
using Investment.Domain.Certificates;
using Investment.Domain.Common;

namespace Investment.Api.Certificates;

/// <summary>One certificate to review, and every reason why, as of the date asked.</summary>
public sealed record WatchEntry(Guid CertificateId, string Number, string ProjectName, string ZoneCode, CertificateStatus Status, IReadOnlyList<WatchReason> Reasons);

/// <param name="AsOf">The business date the list is computed for (Vietnam's calendar).</param>
public sealed record RevocationWatchlist(LocalDate AsOf, IReadOnlyList<WatchEntry> Entries);

public static class GetWatchlist
{
    /// <param name="asOf">The date to compute the list for (2014-07-05); today in Vietnam when omitted.</param>
    /// <param name="zone">Only certificates in this zone.</param>
    /// <param name="format">json (the default) or xlsx (a workbook, in the language of Accept-Language); instead of the Accept header.</param>
    public static async Task<Results<Ok<RevocationWatchlist>, FileContentHttpResult, ProblemHttpResult>> Handle(
        string? asOf, string? zone, string? format, IQuerySession session, IClock clock, HttpContext http, CancellationToken ct)
    {
        if (Formats.Choose(http.Request, format, out var answer, AnswerFormat.Xlsx) is { } badFormat) return badFormat;
        if (QueryValues.Date(asOf, "asOf", out var date) is { } badDate) return badDate;
        var day = date ?? VietnamCalendar.Today(clock.GetCurrentInstant());

        // Only the candidates (issue 18): the certificates whose watch periods hold the date, found through their index and read
        // from their slim rows (WatchRows), then decided by the rule itself. A document stored before the periods were kept has
        // none (null until a rebuild): a candidate, read whole.
        var certificates = await WatchRows.Candidates(session, day, string.IsNullOrWhiteSpace(zone) ? null : zone.Trim(), ct);

        var entries = certificates
            .Where(c => c.IssuedOn <= day)
            .Select(c => c.AsOf(day)) // once per certificate: its reasons and its status then
            .Select(then => (Certificate: then, Reasons: Watchlist.ReasonsOf(then, day)))
            .Where(x => x.Reasons.Count > 0)
            .OrderBy(x => x.Reasons.Min(r => r.CrossedOn)).ThenBy(x => x.Certificate.Number, StringComparer.Ordinal)
            .Select(x => new WatchEntry(x.Certificate.Id, x.Certificate.Number, x.Certificate.ProjectName, x.Certificate.ZoneCode,
                x.Certificate.Status, Languages.InVietnamese ? [.. x.Reasons.Select(InVietnamese)] : x.Reasons))
            .ToList();
        var list = new RevocationWatchlist(day, entries);
        return answer == AnswerFormat.Xlsx
            ? Formats.Workbook(WatchlistWorkbook.Write(list, zone?.Trim(), VietnamCalendar.Today(clock.GetCurrentInstant())), $"revocation-watchlist-{QueryValues.Iso(day)}")
            : TypedResults.Ok(list);
    }

    /// <summary>
    /// The reason's explanation in Vietnamese, from its facts (the domain writes it in English; the rule and the facts
    /// are the same in both languages).
    /// </summary>
    private static WatchReason InVietnamese(WatchReason reason)
    {
        string? Fact(string key) => reason.Facts.TryGetValue(key, out var value) ? value : null;
        string Date(string key) => Fact(key) is { } iso && NodaTime.Text.LocalDatePattern.Iso.Parse(iso) is { Success: true } parsed
            ? parsed.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "";
        var text = reason.Rule switch
        {
            WatchRule.MilestoneOverdue when Fact("extensionMonthsUsed") is "0" or null =>
                $"Mốc '{Fact("milestone")}' đến hạn ngày {Date("dueOn")}, quá {Watchlist.OverdueMonths} tháng vẫn chưa hoàn thành và nhà đầu tư không đề nghị giãn tiến độ (Luật Đầu tư 67/2014/QH13, Điều 48 khoản 2 điểm d).",
            WatchRule.MilestoneOverdue =>
                $"Mốc '{Fact("milestone")}' đến hạn ngày {Date("dueOn")}, quá {Watchlist.OverdueMonths} tháng vẫn chưa hoàn thành và đã dùng hết {Certificate.MaxExtensionMonths} tháng giãn tiến độ (Luật Đầu tư 67/2014/QH13, Điều 48 khoản 2 điểm d).",
            WatchRule.NoRecentInspection when Fact("lastInspectedOn") is null =>
                $"Chưa được kiểm tra lần nào kể từ ngày cấp {Date("issuedOn")}.",
            WatchRule.NoRecentInspection => $"Lần kiểm tra gần nhất ngày {Date("lastInspectedOn")}, đã quá {Watchlist.InspectionMonths} tháng.",
            WatchRule.SuspendedTooLong => $"Tạm ngừng hoạt động từ ngày {Date("suspendedOn")} ({Fact("reason")}), đã quá {Watchlist.SuspensionMonths} tháng.",
            WatchRule.LastInspectionStalled => $"Lần kiểm tra ngày {Date("inspectedOn")} cho thấy dự án ngừng triển khai: {Fact("findings")}",
            _ => reason.Explanation,
        };
        return reason with { Explanation = text };
    }
}

/// <summary>
/// A certificate's row for the watchlist, stored beside it (<see cref="CertificateDetails.WatchRow"/>, issue 18): its zone,
/// a space, then its slim copy (<see cref="Watchlist.Slim"/>) as JSON; empty when the certificate is never listed. A date's
/// candidates are read from these rows, never from the whole documents.
/// </summary>
public static class WatchRows
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = Create();

    public static string Write(Certificate certificate) => Watchlist.Periods(certificate).Count == 0
        ? ""
        : $"{certificate.ZoneCode} {System.Text.Json.JsonSerializer.Serialize(Watchlist.Slim(certificate), Options)}";

    public static Certificate Read(string row) =>
        System.Text.Json.JsonSerializer.Deserialize<Certificate>(row.AsSpan(row.IndexOf(' ', StringComparison.Ordinal) + 1), Options)!;

    /// <summary>
    /// The certificates (slim) whose watch periods hold the day, found through their index; a document stored before its
    /// periods or its row were kept (until rebuild-projections) is a candidate, read whole.
    /// </summary>
    public static async Task<IReadOnlyList<Certificate>> Candidates(IQuerySession session, LocalDate day, string? zone, CancellationToken ct)
    {
        await using var command = new Npgsql.NpgsqlCommand($"""
            select id, watch_row from {EventStoreSetup.Schema}.mt_doc_certificatedetails
            where (watch_periods is null or watch_periods @> @day)
              and (@zone::text is null or case when coalesce(watch_row, '') = '' then data -> 'certificate' ->> 'zoneCode' = @zone
                                               else substr(watch_row, 1, @prefixLength) = @prefix end)
            """);
        // The zone is compared with the row's first characters: PostgreSQL unpacks only those of a compressed row (substr),
        // where split_part unpacked every candidate of every zone whole (1,639 rows on a day for the 428 of pho-phong).
        command.Parameters.AddWithValue("day", new DateOnly(day.Year, day.Month, day.Day));
        command.Parameters.Add(new Npgsql.NpgsqlParameter("zone", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)zone ?? DBNull.Value });
        command.Parameters.AddWithValue("prefix", NpgsqlTypes.NpgsqlDbType.Text, zone is null ? "" : zone + " ");
        command.Parameters.AddWithValue("prefixLength", (zone?.Length ?? 0) + 1);
        var found = new List<Certificate>();
        var whole = new List<Guid>();
        await using (var reader = await session.ExecuteReaderAsync(command, ct))
            while (await reader.ReadAsync(ct))
            {
                if (reader.IsDBNull(1) || reader.GetString(1) is not { Length: > 0 } row) whole.Add(reader.GetGuid(0));
                else found.Add(Read(row));
            }
        if (whole.Count > 0) found.AddRange((await session.LoadManyAsync<CertificateDetails>(ct, whole)).Select(d => d.Certificate));
        return found;
    }

    /// <summary>
    /// The store's JSON shape with two changes that make a row faster to read (issue 18: reading the rows was two thirds of the
    /// watchlist's CPU): amounts as JSON numbers, read without a string each (the web defaults still read the strings of
    /// rows written before), and dates read from their ten bytes (<see cref="IsoDate"/>).
    /// </summary>
    private static System.Text.Json.JsonSerializerOptions Create()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Json.Configure(options);
        options.Converters.Remove(options.Converters.OfType<DecimalAsStringConverter>().Single());
        options.Converters.Insert(0, new IsoDate());
        return options;
    }

    /// <summary>A date as NodaTime writes it (2014-07-05), read from its bytes; any other form through NodaTime's own pattern.</summary>
    private sealed class IsoDate : System.Text.Json.Serialization.JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
        {
            if (reader is { TokenType: System.Text.Json.JsonTokenType.String, HasValueSequence: false, ValueIsEscaped: false, ValueSpan: { Length: 10 } s }
                && s[4] == '-' && s[7] == '-' && Digits(s[..4], out var year) && Digits(s[5..7], out var month) && Digits(s[8..], out var day))
                return new LocalDate(year, month, day);
            return NodaTime.Text.LocalDatePattern.Iso.Parse(reader.GetString() ?? "").GetValueOrThrow();
        }

        public override void Write(System.Text.Json.Utf8JsonWriter writer, LocalDate value, System.Text.Json.JsonSerializerOptions options) =>
            writer.WriteStringValue(NodaTime.Text.LocalDatePattern.Iso.Format(value));

        private static bool Digits(ReadOnlySpan<byte> digits, out int value)
        {
            value = 0;
            foreach (var b in digits)
            {
                if (b is < (byte)'0' or > (byte)'9') return false;
                value = value * 10 + (b - '0');
            }
            return true;
        }
    }
}
