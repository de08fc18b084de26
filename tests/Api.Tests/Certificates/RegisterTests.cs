using System.Text.Json.Nodes;
using Investment.Api.Certificates;
using Investment.Api.Endpoints;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;
using Investment.Domain.Certificates;

namespace Investment.Api.Tests.Certificates;

public sealed class RegisterTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_register_filters_by_zone_status_sector_country_and_issue_year()
    {
        // 2001 is this test's year: no other test issues certificates then.
        var wanted = await Host.AnIssuedCertificate(Officer, "JP", issuedOn: "2001-03-01", zone: "tinh-phong", sector: "energy", schedule: []);
        await Host.AnIssuedCertificate(Officer, "KR", issuedOn: "2001-03-02", zone: "tinh-phong", sector: "energy", schedule: []);
        await Host.AnIssuedCertificate(Officer, "JP", issuedOn: "2001-03-03", zone: "pho-phong", sector: "energy", schedule: []);
        await Host.AnIssuedCertificate(Officer, "JP", issuedOn: "2001-03-04", zone: "tinh-phong", sector: "tourismAndServices", schedule: []);
        var revoked = await Host.AnIssuedCertificate(Officer, "JP", issuedOn: "2001-03-05", zone: "tinh-phong", sector: "energy", schedule: []);
        await Host.Post(Officer, $"/api/v1/certificates/{revoked.Id}/revoke", new { on = "2002-01-01", ground = "investorDecision", decisionNumber = "9" });

        var page = await Host.Get<Page<CertificateSummary>>(Partner, "/api/v1/certificates?issueYear=2001&zone=tinh-phong&status=active&sector=energy&country=jp");

        Assert.Equal(wanted.Id, Assert.Single(page.Items).Id);
        Assert.Single((await Host.Get<Page<CertificateSummary>>(Partner, "/api/v1/certificates?issueYear=2001&status=revoked")).Items);
    }

    [Fact]
    public async Task a_register_page_answers_a_summary_and_the_certificate_answers_all_of_it()
    {
        var issued = await Host.AnIssuedCertificate(Officer, "JP", issuedOn: "2001-04-01", zone: "quang-phu", sector: "energy", schedule: []);

        var item = (await Host.Get(Partner, $"/api/v1/certificates?number={issued.Number}"))["items"]![0]!.AsObject();
        var whole = (await Host.Get(Partner, $"/api/v1/certificates/{issued.Id}")).AsObject();

        // Issue 18: a page carries what a register row shows, not the certificate's history.
        Assert.Equal(issued.Id.ToString(), (string?)item["id"]);
        Assert.Contains("amendments", whole.Select(p => p.Key));
        Assert.DoesNotContain("amendments", item.Select(p => p.Key));
        Assert.DoesNotContain("inspections", item.Select(p => p.Key));
        Assert.Equal((string?)whole["capitalUsd"], (string?)item["capitalUsd"]);
    }

    [Theory]
    [InlineData("capital", new[] { "100", "200", "300", "400", "500" })]
    [InlineData("-capital", new[] { "500", "400", "300", "200", "100" })]
    [InlineData("issuedOn", new[] { "300", "100", "500", "200", "400" })]
    [InlineData("-issuedOn", new[] { "400", "200", "500", "100", "300" })]
    public async Task the_register_sorts_by_capital_or_issue_date_across_pages(string sort, string[] expected)
    {
        var year = sort.TrimStart('-') == "capital" ? 2002 : 2003; // each ordering has a year to itself
        var issued = new[] { ("100", "02"), ("200", "04"), ("300", "01"), ("400", "05"), ("500", "03") };
        if ((await Host.Get<Page<CertificateSummary>>(Partner, $"/api/v1/certificates?issueYear={year}")).Items.Count == 0)
            foreach (var (capital, day) in issued)
                await Host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(decimal.Parse(capital, System.Globalization.CultureInfo.InvariantCulture)),
                    issuedOn: $"{year}-01-{day}", schedule: []);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var answer = await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates?issueYear={year}&sort={sort}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}")));
            // The amounts as written (raw JSON on purpose): the order, and two decimals on the wire.
            seen.AddRange(JsonNode.Parse(await answer.ReadAsTextAsync())!["items"]!.AsArray().Select(c => (string)c!["capitalUsd"]!));
            cursor = (await answer.Read<Page<CertificateSummary>>()).NextCursor;
        } while (cursor is not null);

        Assert.Equal(expected.Select(e => e + ".00"), seen); // every USD amount with two decimals
    }

    [Theory]
    [InlineData("sort=name", "request.invalid_sort")]
    [InlineData("status=dormant", "request.invalid_status")]
    [InlineData("cursor=zzz", "request.invalid_cursor")]
    public async Task bad_register_queries_answer_400(string query, string code) =>
        await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates?{query}"))).ShouldBe(400, code);

    [Fact]
    public async Task a_cursor_of_one_sort_reused_with_another_answers_400()
    {
        for (var day = 1; day <= 3; day++)
            await Host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(100m * day), issuedOn: $"2001-02-0{day}", schedule: []);
        var byCapital = await Host.Get<Page<CertificateSummary>>(Partner, "/api/v1/certificates?issueYear=2001&sort=capital&limit=1");
        var cursor = byCapital.NextCursor!;

        var reused = await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates?issueYear=2001&sort=-issuedOn&limit=1&cursor={cursor}"));
        var same = await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates?issueYear=2001&sort=capital&limit=1&cursor={cursor}"));

        await reused.ShouldBe(400, "request.invalid_cursor");
        Assert.Equal(200, same.Context.Response.StatusCode);
    }

    [Fact]
    public async Task a_cursor_cannot_be_read_nor_forged()
    {
        for (var day = 1; day <= 2; day++)
            await Host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(100m * day), issuedOn: $"2000-03-0{day}", schedule: []);
        var cursor = (await Host.Get<Page<CertificateSummary>>(Partner, "/api/v1/certificates?issueYear=2000&sort=issuedOn&limit=1")).NextCursor!;
        var decoded = System.Text.Encoding.Latin1.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
        var flipped = (cursor[^2] == 'A' ? 'B' : 'A') + "";
        var damaged = cursor[..^2] + flipped + cursor[^1];
        var forged = System.Buffers.Text.Base64Url.EncodeToString("p1:2000-03-01\0"u8);

        Assert.DoesNotContain("2000", decoded);
        Assert.DoesNotContain("p1:", decoded);
        await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates?sort=issuedOn&cursor={damaged}"))).ShouldBe(400, "request.invalid_cursor");
        await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates?sort=issuedOn&cursor={forged}"))).ShouldBe(400, "request.invalid_cursor");
    }
    [Fact]
    public async Task a_register_page_written_from_its_stored_rows_is_the_page_serialised_with_its_etag_and_answers_304()
    {
        // Issue 18: the page is written from each certificate's stored row; its bytes and ETag are those of the page serialised.
        await Host.AnIssuedCertificate(Officer, "VN", issuedOn: "1998-03-01", zone: "pho-phong", capital: LeadRequests.Usd(1_234_567.89m), schedule: []);
        await Host.AnIssuedCertificate(Officer, "JP", issuedOn: "1998-03-02", zone: "pho-phong", schedule: []);
        const string url = "/api/v1/certificates?zone=pho-phong&issueYear=1998&sort=issuedOn&limit=1";

        var first = await Host.Send(Partner, s => s.Get.Url(url));
        var text = await first.ReadAsTextAsync();
        var page = System.Text.Json.JsonSerializer.Deserialize<Page<CertificateSummary>>(text, Investment.Api.Http.Json.Options)!;
        var again = await Host.Send(Partner, s => { s.Get.Url(url); s.WithRequestHeader("If-None-Match", first.Header("ETag")!); });

        Assert.Equal(200, first.Context.Response.StatusCode);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(page, Investment.Api.Http.Json.Options), text);
        Assert.Equal(ConditionalGetFilter.ETagOf(System.Text.Encoding.UTF8.GetBytes(text)), first.Header("ETag"));
        Assert.Equal(1_234_567.89m, Assert.Single(page.Items).CapitalUsd);
        Assert.NotNull(page.NextCursor);
        Assert.Equal(304, again.Context.Response.StatusCode);
    }
}
