using System.Text;
using Investment.Api.Reports;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Investment.Domain.Certificates;
using NodaTime;

namespace Investment.Api.Tests.Reports;

public sealed class ReportWorkbookTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>This class's zone and year: tinh-phong, 2003.</summary>
    private const string Zone = "tinh-phong";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Url = $"/api/v1/zones/{Zone}/reports/2003/year";

    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>Three certificates of 2003 (Korean, Vietnamese, one revoked), a capital increase and a capital reduction.</summary>
    private async Task Story()
    {
        await Once.WaitAsync();
        try
        {
            if ((await Host.Get<Investment.Api.Endpoints.Page<Certificate>>(Partner, $"/api/v1/certificates?issueYear=2003&zone={Zone}")).Items.Count > 0) return;
            var korean = (await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Doosan Heavy Industries"), "KR"))).Id.ToString();
            var vietnamese = (await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Công ty Du lịch Sa Huỳnh"), "VN", ["tourismAndServices"]))).Id.ToString();
            var plant = await (await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(korean, capital: LeadRequests.Usd(20_000_000m),
                issuedOn: "2003-03-10", zone: Zone, schedule: [], projectName: "Nhà máy cơ khí nặng"))).Read<Certificate>();
            var resort = await (await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(vietnamese, capital: LeadRequests.Usd(8_500_000.50m),
                issuedOn: "2003-08-01", zone: Zone, sector: "tourismAndServices", schedule: [], projectName: "Khu du lịch biển Sa Huỳnh"))).Read<Certificate>();
            var withdrawn = await (await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(korean, capital: LeadRequests.Usd(10_000_000m),
                issuedOn: "2003-02-01", zone: Zone, schedule: [], projectName: "Xưởng đóng tàu"))).Read<Certificate>();
            await Host.Post(Officer, $"/api/v1/certificates/{plant.Id}/amendments", new { on = "2003-09-01", capitalChange = LeadRequests.Usd(5_000_000m), reason = "Second line." });
            await Host.Post(Officer, $"/api/v1/certificates/{resort.Id}/amendments", new { on = "2003-10-01", capitalChange = LeadRequests.Usd(-1_000_000m), reason = "Smaller hotel." });
            await Host.Post(Officer, $"/api/v1/certificates/{withdrawn.Id}/revoke", new { on = "2003-11-15", ground = "investorDecision", decisionNumber = "123/QĐ-BQL" });
            await Host.Settled();
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<(byte[] Bytes, Alba.IScenarioResult Result)> Workbook(string url, string? language = null, bool byAccept = true)
    {
        var result = await Host.Send(Partner, s =>
        {
            s.Get.Url(byAccept ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=xlsx");
            if (byAccept) s.WithRequestHeader("Accept", Xlsx);
            if (language is not null) s.WithRequestHeader("Accept-Language", language);
        });
        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.Equal(Xlsx, result.Context.Response.ContentType);
        return (Bytes(result), result);
    }

    [Fact]
    public async Task the_yearly_workbook_holds_the_figures_of_the_json_report_as_number_and_date_cells()
    {
        await Story();
        var report = await Host.Get<ZoneReport>(Partner, Url);
        var (bytes, result) = await Workbook(Url, "en");

        Assert.Contains("tinh-phong-2003-year.xlsx", result.Header("Content-Disposition"));
        var sheets = Workbooks.Read(bytes);
        Assert.Equal(["Summary", "By country", "By sector", "New certificates", "Amendments", "Revocations"], sheets.Select(s => s.Name));

        var summary = sheets[0];
        Assert.Equal("INVESTMENT ATTRACTION REPORT, YEAR 2003", summary["A1"]!.Value);
        Assert.Equal(new LocalDate(2003, 1, 1), Workbooks.Date(summary["B3"]!));
        Assert.Equal(new LocalDate(2003, 12, 31), Workbooks.Date(summary["C3"]!));
        Assert.Equal("yyyy-mm-dd", summary["B3"]!.NumberFormat);
        Assert.Equal("vn-2014-new-plus-additional", summary["C5"]!.Value);
        Assert.Equal(8, summary.FrozenRows); // the title block and the header stay in view
        int Row(string label) => summary.RowOf(label) is > 0 and var row ? row : throw new InvalidOperationException($"No row '{label}'.");
        Assert.Equal((report.NewCertificateCount, report.NewCapitalUsd),
            ((int)summary.Number($"B{Row("New certificates (registered capital)")}"), summary.Number($"C{Row("New certificates (registered capital)")}")));
        Assert.Equal((3, 38_500_000.50m), (report.NewCertificateCount, report.NewCapitalUsd));
        Assert.Equal(report.CapitalAddedUsd, summary.Number($"C{Row("Capital increases (capital added)")}"));
        Assert.Equal(report.CapitalReducedUsd, summary.Number($"C{Row("Capital reductions (capital reduced)")}"));
        Assert.Equal(1_000_000.00m, report.CapitalReducedUsd);
        Assert.Equal(report.AttractedUsd, summary.Number($"C{Row("Attracted capital")}"));
        Assert.Equal(42_500_000.50m, report.AttractedUsd);
        Assert.Equal(report.RevokedCapitalUsd, summary.Number($"C{Row("Revocations (capital, beside the figure)")}"));
        Assert.Equal("#,##0.00", summary[$"C{Row("Attracted capital")}"]!.NumberFormat);
        Assert.Equal("#,##0", summary[$"B{Row("New certificates (registered capital)")}"]!.NumberFormat);
        Assert.True(summary[$"C{Row("Attracted capital")}"]!.IsNumber);

        var byCountry = sheets[1];
        Assert.Equal(1, byCountry.FrozenRows);
        foreach (var (figure, i) in report.ByCountry.Select((f, i) => (f, i + 2)))
            Assert.Equal((figure.Country, figure.AttractedUsd), (byCountry[$"A{i}"]!.Value, byCountry.Number($"C{i}")));
        Assert.Equal(report.AttractedUsd, byCountry.Number($"C{report.ByCountry.Count + 2}"));

        var issued = sheets[3];
        Assert.Equal(report.NewCertificates.Count + 2, issued.RowCount); // header, lines, total
        Assert.Equal(report.NewCertificates.Sum(m => m.AmountUsd), Enumerable.Range(2, report.NewCertificates.Count).Sum(r => issued.Number($"G{r}")));
        Assert.Equal(report.NewCertificates[0].On, Workbooks.Date(issued["A2"]!));
        Assert.Equal(report.NewCertificates[0].CertificateNumber, issued["B2"]!.Value);

        var amended = sheets[4];
        Assert.Equal(report.CapitalAddedUsd - report.CapitalReducedUsd, Enumerable.Range(2, report.Amendments.Count).Sum(r => amended.Number($"I{r}")));
        Assert.Equal("123/QĐ-BQL".Length > 0, sheets[5].RowCount == report.Revocations.Count + 2);
        Assert.All(sheets.SelectMany(s => s.Widths), w => Assert.InRange(w, 8, 80));
    }

    [Fact]
    public async Task the_workbook_is_in_vietnamese_when_asked()
    {
        await Story();
        var (bytes, result) = await Workbook(Url.Replace("/year", "/first-half", StringComparison.Ordinal), "vi", byAccept: false);

        Assert.Equal("vi", result.Header("Content-Language"));
        var sheets = Workbooks.Read(bytes);
        Assert.Equal(["Tổng hợp", "Theo quốc gia", "Theo ngành", "Cấp mới", "Điều chỉnh", "Thu hồi"], sheets.Select(s => s.Name));
        var summary = sheets[0];
        Assert.Equal("BÁO CÁO KẾT QUẢ THU HÚT ĐẦU TƯ 6 THÁNG ĐẦU NĂM 2003", summary["A1"]!.Value);
        Assert.Equal("dd/mm/yyyy", summary["B3"]!.NumberFormat);
        Assert.Equal(new LocalDate(2003, 6, 30), Workbooks.Date(summary["C3"]!));
        Assert.NotEqual(0, summary.RowOf("Tổng vốn thu hút"));
        Assert.Equal("Công nghiệp nặng", sheets[2]["A2"]!.Value);
        Assert.Equal("Ngày cấp", sheets[3]["A1"]!.Value);
    }

    [Fact]
    public async Task the_csv_comes_with_semicolons_and_decimal_commas_for_vietnamese_settings()
    {
        await Story();
        var result = await Host.Send(Partner, s =>
        {
            s.Get.Url(Url + "?delimiter=semicolon");
            s.WithRequestHeader("Accept", "text/csv");
        });

        Assert.Equal(200, result.Context.Response.StatusCode);
        var lines = Encoding.UTF8.GetString(Bytes(result)[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section;item;date;certificate;project;country;sector;count;amountUsd", lines[0]);
        Assert.Contains("summary;attracted;;;;;;;42500000,50", lines);
        Assert.Contains("summary;capitalReduced;;;;;;1;1000000,00", lines);
        Assert.True(lines.Any(l => l.StartsWith("newCertificate;;2003-08-01;", StringComparison.Ordinal) && l.EndsWith(";Khu du lịch biển Sa Huỳnh;VN;tourismAndServices;;8500000,50", StringComparison.Ordinal)), string.Join("\n", lines));

        var comma = await Host.Send(Partner, s => s.Get.Url(Url + "?format=csv&delimiter=comma"));
        Assert.Contains("summary,attracted,,,,,,,42500000.50", Encoding.UTF8.GetString(Bytes(comma)));
    }

    [Theory]
    [InlineData("format=pdf", "request.invalid_format")]
    [InlineData("delimiter=tab", "request.invalid_delimiter")]
    public async Task an_unknown_format_or_delimiter_answers_400_naming_it(string query, string code) =>
        await (await Host.Send(Partner, s => s.Get.Url($"{Url}?{query}"))).ShouldBe(400, code);

    [LibreOfficeFact]
    public async Task the_workbook_opens_in_libreoffice_with_the_same_figures()
    {
        await Story();
        var report = await Host.Get<ZoneReport>(Partner, Url);
        var (bytes, _) = await Workbook(Url, "vi");

        var csv = await LibreOffice.ToCsv(bytes);

        // Text cells come quoted ("Khu"), numbers and dates as shown.
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r').Replace("\"", "", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains("BÁO CÁO KẾT QUẢ THU HÚT ĐẦU TƯ NĂM 2003", StringComparison.Ordinal));
        var attracted = lines.FirstOrDefault(l => l.StartsWith("Tổng vốn thu hút", StringComparison.Ordinal)) ?? throw new InvalidOperationException(csv);
        // LibreOffice writes the cell as shown (with its locale's separators): its digits are the report's.
        Assert.Contains(Digits(report.AttractedUsd.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)), Digits(attracted));
        Assert.Contains(lines, l => l.StartsWith("Kỳ báo cáo", StringComparison.Ordinal) && l.Contains("01/01/2003", StringComparison.Ordinal));
    }

    private static string Digits(string text) => new([.. text.Where(char.IsDigit)]);

    private static byte[] Bytes(Alba.IScenarioResult result)
    {
        using var copy = new MemoryStream();
        result.Context.Response.Body.CopyTo(copy);
        return copy.ToArray();
    }
}
