using Investment.Api.Endpoints;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Investors;

namespace Investment.Api.Tests.Investors;

public sealed class RegisterInvestorTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task registering_an_investor_answers_201_with_location_etag_and_the_investor()
    {
        var name = Unique("Kobe Port Logistics");
        var result = await Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile(name, "JP", ["portAndLogistics", "energy"]));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var investor = await result.Read<Investor>();
        Assert.Equal($"/api/v1/investors/{investor.Id}", result.Header("Location"));
        Assert.Equal("\"1\"", result.Header("ETag"));
        Assert.Equal(name, investor.LegalName);
        Assert.Equal("JP", investor.Country);
        Assert.Equal([Sector.PortAndLogistics, Sector.Energy], investor.Sectors);
        Assert.Equal("Sato Hiroshi", investor.ContactPersons![0].Name);

        Assert.Equal(name, (await Host.Get<Investor>(Officer, $"/api/v1/investors/{investor.Id}")).LegalName);
    }

    [Fact]
    public async Task the_event_records_who_registered_and_when_from_the_clock()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Clocked Steel")));

        Assert.Equal("officer.nguyen", investor.RegisteredBy);
        Assert.Equal(Clock.GetCurrentInstant(), investor.RegisteredAt);
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
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(name, country));

        Assert.Equal(name, (await Host.Get<Investor>(Officer, $"/api/v1/investors/{investor.Id}")).LegalName);
    }

    [Fact]
    public async Task the_same_name_in_the_same_country_is_refused_with_409_and_a_link_to_the_existing_investor()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var first = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"Quảng Ngãi Đường Sắt {suffix}", "VN"));

        var again = await Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile($"  quang ngai, duong sat {suffix.ToUpperInvariant()} ", "vn"));

        var problem = await again.ShouldBe(409, "investor.duplicate");
        Assert.Equal(first.Id.ToString(), problem.ExistingInvestorId?.ToString()); // members of this problem only
        Assert.Equal($"/api/v1/investors/{first.Id}", problem.ExistingInvestor);
    }

    [Fact]
    public async Task the_same_name_in_another_country_is_another_investor()
    {
        var name = Unique("Global Energy Holdings");
        await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(name, "SG"));

        var other = await Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile(name, "US"));
        Assert.Equal(201, other.Context.Response.StatusCode);
    }

    [Fact]
    public async Task two_officers_registering_the_same_name_at_once_get_one_investor()
    {
        var name = Unique("Racing Shipyard");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile(name, "KR"))));

        Assert.Single(results, r => r.Context.Response.StatusCode == 201);
        Assert.All(results.Where(r => r.Context.Response.StatusCode != 201), r => Assert.Equal(409, r.Context.Response.StatusCode));
        var list = await Host.Get<Page<Investor>>(Officer, $"/api/v1/investors?q={Uri.EscapeDataString(name)}");
        Assert.Single(list.Items);
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

        var problem = await result.ShouldBe(400, "validation.failed");
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task a_name_longer_than_300_characters_is_refused()
    {
        var result = await Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile(new string('A', 301)));
        var problem = await result.ShouldBe(400, "validation.failed");
        Assert.Contains("legalName", problem.Errors!.Keys);
    }

    [Fact]
    public async Task a_partner_cannot_register_an_investor()
    {
        var result = await Host.Post(Partner, "/api/v1/investors", InvestorRequests.Profile(Unique("Partner Made")));
        await result.ShouldBe(403, "auth.forbidden");
    }
}
