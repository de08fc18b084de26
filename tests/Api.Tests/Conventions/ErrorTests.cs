using Investment.Api.Http;
using Investment.Api.Endpoints;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Investors;

namespace Investment.Api.Tests.Conventions;

/// <summary>Every failure is RFC 9457 problem details with a stable code and a detail naming what was wrong.</summary>
public sealed class ErrorTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Investors = "/api/v1/investors";

    [Fact]
    public async Task an_unknown_route_answers_404_problem()
    {
        var result = await Host.Send(Officer, s => s.Get.Url("/api/v1/nowhere"));
        await result.ShouldBe(404, "resource.not_found");
    }

    [Fact]
    public async Task a_wrong_method_answers_405_problem()
    {
        var result = await Host.Send(Officer, s => s.Delete.Url("/api/v1/zones"));
        await result.ShouldBe(405, "request.method_not_allowed");
    }

    [Fact]
    public async Task a_body_that_is_not_json_answers_415_problem()
    {
        var result = await Host.SendRaw(Officer, "POST", Investors, "legalName=x", "application/x-www-form-urlencoded");
        await result.ShouldBe(415, "request.unsupported_media_type");
    }

    [Fact]
    public async Task an_oversized_body_answers_413_problem_and_saves_nothing()
    {
        var name = Unique("Huge");
        var body = $$"""{"legalName":"{{name}}","country":"JP","sectors":["energy"],"notes":"{{new string('x', (int)RequestLimits.MaxBodyBytes)}}"}""";
        var result = await Host.SendRaw(Officer, "POST", Investors, body);
        await result.ShouldBe(413, "request.too_large");
        await NothingNamed(name);
    }

    [Theory]
    [InlineData("{", "request.malformed_json", "incomplete")]
    [InlineData("""{"legalName": "A", "country": "JP", "sectors": ["shipbuilding"]}""", "request.malformed_json", "$.sectors[0]")]
    [InlineData("""{"legalName": "A", "country": "JP", "sectors": [3]}""", "request.malformed_json", "$.sectors[0]")]
    [InlineData("""{"legalName": null, "country": "JP", "sectors": ["energy"]}""", "request.malformed_json", "legalName")]
    [InlineData("""{"country": "JP", "sectors": ["energy"]}""", "request.malformed_json", "legalName")]
    [InlineData("""{"legalName": "A", "country": "JP", "sectors": ["energy"], "capital": 5}""", "request.malformed_json", "capital")]
    [InlineData("""{"legalName": "A", "legalName": "B", "country": "JP", "sectors": ["energy"]}""", "request.malformed_json", "twice")]
    [InlineData("""{"legalName": 42, "country": "JP", "sectors": ["energy"]}""", "request.malformed_json", "$.legalName")]
    [InlineData("", "request.malformed_json", "body is required")]
    [InlineData("""{"legalName": "A\u0000B", "country": "JP", "sectors": ["energy"]}""", "request.malformed_json", "control characters")]
    [InlineData("""{"legalName": "A", "country": "JP", "sectors": ["energy"], "website": 5}""", "request.malformed_json", "$.website")]
    public async Task malformed_json_answers_400_naming_the_problem(string body, string code, string named)
    {
        var result = await Host.SendRaw(Officer, "POST", Investors, body);
        var problem = await result.ShouldBe(400, code);
        Assert.Contains(named, problem.Detail);
        Assert.DoesNotContain("Investment.", problem.Detail);
    }

    [Fact]
    public async Task deeply_nested_json_answers_400()
    {
        var body = """{"legalName": "A", "country": "JP", "sectors": ["energy"], "notes": """ + new string('[', 200) + new string(']', 200) + "}";
        var result = await Host.SendRaw(Officer, "POST", Investors, body);
        await result.ShouldBe(400, "request.malformed_json");
    }

    [Fact]
    public async Task invalid_utf8_answers_400()
    {
        byte[] body = [.. "{\"legalName\": \""u8, 0xC3, 0x28, .. "\", \"country\": \"JP\", \"sectors\": [\"energy\"]}"u8];
        var result = await Host.SendRaw(Officer, "POST", Investors, body);
        await result.ShouldBe(400, "request.malformed_json");
    }

    [Fact]
    public async Task a_route_id_that_is_not_a_guid_answers_404()
    {
        var result = await Host.Send(Officer, s => s.Get.Url("/api/v1/investors/not-a-guid"));
        await result.ShouldBe(404, "resource.not_found");
    }

    [Fact]
    public async Task an_anonymous_request_answers_401_problem()
    {
        var result = await Host.Send(null, s => s.Get.Url(Investors));
        var problem = await result.ShouldBe(401, "auth.unauthenticated");
        Assert.Contains("Bearer", problem.Detail);
    }

    private async Task NothingNamed(string name)
    {
        var page = await Host.Get<Page<Investor>>(Officer, $"{Investors}?q={Uri.EscapeDataString(name)}");
        Assert.Empty(page.Items);
    }
}
