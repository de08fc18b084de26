using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Investors;

public sealed class RegisterInvestorTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task registering_an_investor_answers_201_with_location_etag_and_the_investor()
    {
        var name = Unique("Kobe Port Logistics");
        var result = await Host.Send(Officer, s => s.Post.Json(InvestorRequests.Profile(name, "JP", ["portAndLogistics", "energy"])).ToUrl("/api/v1/investors"));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var investor = await result.Json();
        var id = (string)investor["id"]!;
        Assert.Equal($"/api/v1/investors/{id}", result.Header("Location"));
        Assert.Equal("\"1\"", result.Header("ETag"));
        Assert.Equal(name, (string?)investor["legalName"]);
        Assert.Equal("JP", (string?)investor["country"]);
        Assert.Equal(["portAndLogistics", "energy"], investor["sectors"]!.AsArray().Select(x => (string)x!));
        Assert.Equal("Sato Hiroshi", (string?)investor["contactPersons"]![0]!["name"]);

        var read = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{id}"));
        Assert.Equal(200, read.Context.Response.StatusCode);
        Assert.Equal(name, (string?)(await read.Json())["legalName"]);
    }

    [Fact]
    public async Task the_event_records_who_registered_and_when_from_the_clock()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Clocked Steel")));

        Assert.Equal("officer.nguyen", (string?)investor["registeredBy"]);
        Assert.Equal(Clock.GetCurrentInstant().ToString(), (string?)investor["registeredAt"]);
    }

    [Theory]
    [InlineData("Công ty TNHH Lọc hóa dầu Bình Sơn Quảng Ngãi", "VN")]
    [InlineData("株式会社ジェイエフイースチール", "JP")]
    [InlineData("두산중공업 주식회사", "KR")]
    [InlineData("台塑河靜鋼鐵興業責任有限公司", "TW")]
    [InlineData("O'Brien & \"Sons\" — 🚢 Logistics", "IE")]
    public async Task unicode_legal_names_round_trip_exactly(string legalName, string country)
    {
        var name = Unique(legalName);
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(name, country));

        var read = await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{investor["id"]}"))).Json();
        Assert.Equal(name, (string?)read["legalName"]);
    }

    [Fact]
    public async Task the_same_name_in_the_same_country_is_refused_with_409_and_a_link_to_the_existing_investor()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var first = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile($"Quảng Ngãi Đường Sắt {suffix}", "VN"));

        var again = await Host.Send(Officer, s => s.Post.Json(InvestorRequests.Profile($"  quang ngai, duong sat {suffix.ToUpperInvariant()} ", "vn")).ToUrl("/api/v1/investors"));

        var problem = await again.ShouldBeProblem(409, "investor.duplicate");
        Assert.Equal((string?)first["id"], (string?)problem["existingInvestorId"]);
        Assert.Equal($"/api/v1/investors/{first["id"]}", (string?)problem["existingInvestor"]);
    }

    [Fact]
    public async Task the_same_name_in_another_country_is_another_investor()
    {
        var name = Unique("Global Energy Holdings");
        await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(name, "SG"));

        var other = await Host.Send(Officer, s => s.Post.Json(InvestorRequests.Profile(name, "US")).ToUrl("/api/v1/investors"));
        Assert.Equal(201, other.Context.Response.StatusCode);
    }

    [Fact]
    public async Task two_officers_registering_the_same_name_at_once_get_one_investor()
    {
        var name = Unique("Racing Shipyard");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Host.Send(Officer, s => s.Post.Json(InvestorRequests.Profile(name, "KR")).ToUrl("/api/v1/investors"))));

        Assert.Single(results, r => r.Context.Response.StatusCode == 201);
        Assert.All(results.Where(r => r.Context.Response.StatusCode != 201), r => Assert.Equal(409, r.Context.Response.StatusCode));
        var list = await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors?q={Uri.EscapeDataString(name)}"))).Json();
        Assert.Single(list["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"legalName":"","country":"JP","sectors":["energy"]}""", "legalName")]
    [InlineData("""{"legalName":"A","country":"XX","sectors":["energy"]}""", "country")]
    [InlineData("""{"legalName":"A","country":"JP","sectors":[]}""", "sectors")]
    [InlineData("""{"legalName":"A","country":"JP","sectors":["energy"],"website":"ftp://x"}""", "website")]
    [InlineData("""{"legalName":"A","country":"JP","sectors":["energy"],"contactPersons":[{"name":"B","email":"not-an-email"}]}""", "contactPersons[0].email")]
    public async Task invalid_fields_answer_400_naming_each_field(string body, string field)
    {
        var result = await Host.SendRaw(Officer, "POST", "/api/v1/investors", body);

        var problem = await result.ShouldBeProblem(400, "validation.failed");
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task a_name_longer_than_300_characters_is_refused()
    {
        var result = await Host.Send(Officer, s => s.Post.Json(InvestorRequests.Profile(new string('A', 301))).ToUrl("/api/v1/investors"));
        var problem = await result.ShouldBeProblem(400, "validation.failed");
        Assert.NotNull(problem["errors"]!["legalName"]);
    }

    [Fact]
    public async Task a_partner_cannot_register_an_investor()
    {
        var result = await Host.Send(Partner, s => s.Post.Json(InvestorRequests.Profile(Unique("Partner Made"))).ToUrl("/api/v1/investors"));
        await result.ShouldBeProblem(403, "auth.forbidden");
    }
}
