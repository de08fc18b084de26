using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Investors;

public sealed class ListInvestorsTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_name_search_ignores_case_and_vietnamese_diacritics()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile($"Công ty Cổ phần Quảng Ngãi Đông {tag}", "VN"));

        foreach (var q in new[] { $"quang ngai dong {tag}", $"QUẢNG NGÃI ĐÔNG {tag}", $"ngai dong {tag}" })
        {
            var page = await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors?q={Uri.EscapeDataString(q)}"))).Json();
            Assert.Equal((string?)investor["id"], (string?)Assert.Single(page["items"]!.AsArray())!["id"]);
        }
    }

    [Fact]
    public async Task filters_by_country_and_sector_combine()
    {
        var tag = Unique("Filter");
        await Host.RegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Taiwan Steel", "TW", ["steelAndMetallurgy"]));
        await Host.RegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Taiwan Textiles", "TW", ["lightIndustryAndTextiles"]));
        await Host.RegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Korea Steel", "KR", ["steelAndMetallurgy", "heavyIndustry"]));

        var result = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors?q={Uri.EscapeDataString(tag)}&country=tw&sector=steelAndMetallurgy"));

        var items = (await result.Json())["items"]!.AsArray();
        Assert.Equal($"{tag} Taiwan Steel", (string?)Assert.Single(items)!["legalName"]);
    }

    [Fact]
    public async Task pages_follow_the_cursor_without_gaps_or_repeats()
    {
        var tag = Unique("Paged");
        var registered = new List<string>();
        for (var i = 0; i < 5; i++)
            registered.Add((string)(await Host.RegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Company {i}", "SG")))["id"]!);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/investors?q={Uri.EscapeDataString(tag)}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await (await Host.Send(Officer, s => s.Get.Url(url))).Json();
            seen.AddRange(page["items"]!.AsArray().Select(x => (string)x!["id"]!));
            cursor = (string?)page["nextCursor"];
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(registered, seen);
    }

    [Theory]
    [InlineData("limit=0", "request.invalid_limit")]
    [InlineData("limit=201", "request.invalid_limit")]
    [InlineData("cursor=not-a-cursor", "request.invalid_cursor")]
    [InlineData("sector=shipbuilding", "request.invalid_sector")]
    public async Task bad_paging_or_filters_answer_400(string query, string code)
    {
        var result = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors?{query}"));
        await result.ShouldBeProblem(400, code);
    }

    [Fact]
    public async Task a_limit_that_is_not_a_number_answers_400_naming_it()
    {
        var result = await Host.Send(Officer, s => s.Get.Url("/api/v1/investors?limit=ten"));
        var problem = await result.ShouldBeProblem(400, "request.invalid");
        Assert.Contains("limit", (string?)problem["detail"]);
    }

    [Fact]
    public async Task partners_see_investors_without_contact_persons()
    {
        var name = Unique("Personal Data Holdings");
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(name));

        var one = await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/investors/{investor["id"]}"))).Json();
        var list = await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/investors?q={Uri.EscapeDataString(name)}"))).Json();
        var asOfficer = await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{investor["id"]}"))).Json();

        Assert.Equal(name, (string?)one["legalName"]);
        Assert.Null(one["contactPersons"]);
        Assert.Null(Assert.Single(list["items"]!.AsArray())!["contactPersons"]);
        Assert.DoesNotContain("Sato", one.ToJsonString());
        Assert.NotNull(asOfficer["contactPersons"]);
    }

    [Fact]
    public async Task reading_an_investor_returns_its_etag()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Etag Reader")));
        var result = await Host.Send(Partner, s => s.Get.Url($"/api/v1/investors/{investor["id"]}"));
        Assert.Equal("\"1\"", result.Header("ETag"));
    }

    [Fact]
    public async Task an_unknown_investor_answers_404()
    {
        var result = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{Guid.NewGuid()}"));
        await result.ShouldBeProblem(404, "investor.not_found");
    }
}
