using Investment.Api.Certificates;
using Investment.Api.Endpoints;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Certificates;
using NodaTime;

namespace Investment.Api.Tests.Certificates;

public sealed class WorkbookTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<IReadOnlyList<ReadSheet>> Workbook(string url, string language)
    {
        var result = await Host.Send(Partner, s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", Xlsx);
            s.WithRequestHeader("Accept-Language", language);
        });
        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.Equal(Xlsx, result.Context.Response.ContentType);
        using var copy = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(copy);
        return Workbooks.Read(copy.ToArray());
    }

    [Fact]
    public async Task the_register_downloads_whole_as_a_workbook_with_the_rows_of_the_json()
    {
        var first = await Host.AnIssuedCertificate(Officer, issuedOn: "1996-04-02", zone: "quang-phu", capital: Leads.LeadRequests.Usd(1_234_567.89m));
        await Host.AnIssuedCertificate(Officer, issuedOn: "1996-05-02", zone: "quang-phu");
        const string filters = "zone=quang-phu&issueYear=1996&sort=issuedOn"; // a year of this test alone
        var json = await Host.Get<Page<Certificate>>(Partner, $"/api/v1/certificates?{filters}&limit=200");

        var sheet = (await Workbook($"/api/v1/certificates?{filters}&limit=1", "en")).Single();

        Assert.Equal("REGISTER OF INVESTMENT CERTIFICATES", sheet["A1"]!.Value);
        Assert.Contains("zone=quang-phu", sheet["B2"]!.Value);
        Assert.Equal(6, sheet.FrozenRows);
        var header = 6;
        Assert.Equal(json.Items.Count, sheet.RowCount - header - 1); // every row, not a page of one; and a total
        var row = header + 1 + json.Items.ToList().FindIndex(c => c.Id == first.Id);
        Assert.Equal(first.Number, sheet[$"A{row}"]!.Value);
        Assert.Equal(1_234_567.89m, sheet.Number($"I{row}"));
        Assert.Equal("#,##0.00", sheet[$"I{row}"]!.NumberFormat);
        Assert.Equal(new LocalDate(1996, 4, 2), Workbooks.Date(sheet[$"H{row}"]!));
        Assert.Equal("Active", sheet[$"G{row}"]!.Value);
        Assert.Equal(json.Items.Sum(c => c.CapitalUsd), sheet.Number($"I{sheet.RowCount}"));
    }

    [Fact]
    public async Task the_watchlist_downloads_as_a_workbook_with_a_row_per_reason_in_vietnamese()
    {
        await Host.AnIssuedCertificate(Officer, issuedOn: "1997-01-10", zone: "pho-phong", schedule: [CertificateRequests.Milestone("Vận hành", "1997-06-30")]);
        const string url = "/api/v1/certificates/watchlist?zone=pho-phong&asOf=1999-01-01";
        var json = await Host.Send(Partner, s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept-Language", "vi");
        });
        var list = await json.Read<RevocationWatchlist>();
        Assert.Contains(list.Entries.SelectMany(e => e.Reasons), r => r.Explanation.StartsWith("Mốc 'Vận hành' đến hạn ngày 30/06/1997", StringComparison.Ordinal));

        var sheet = (await Workbook(url, "vi")).Single();

        Assert.Equal("DANH SÁCH DỰ ÁN CẦN XEM XÉT THU HỒI GIẤY CHỨNG NHẬN ĐẦU TƯ", sheet["A1"]!.Value);
        Assert.Equal(new LocalDate(1999, 1, 1), Workbooks.Date(sheet["B2"]!));
        Assert.Equal("dd/mm/yyyy", sheet["B2"]!.NumberFormat);
        Assert.Equal(7, sheet.FrozenRows);
        var reasons = list.Entries.SelectMany(e => e.Reasons.Select(r => (e.Number, r))).ToList();
        Assert.Equal(reasons.Count, sheet.RowCount - 7);
        Assert.Equal(reasons[0].Number, sheet["A8"]!.Value);
        Assert.Equal(reasons[0].r.CrossedOn, Workbooks.Date(sheet["F8"]!));
        Assert.Equal(reasons[0].r.Explanation, sheet["G8"]!.Value);
        Assert.Contains(sheet.Cells.Values, c => c.Value.StartsWith("Chậm tiến độ quá 12 tháng", StringComparison.Ordinal));
    }
}
