using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;

namespace Investment.Api.Tests.Robustness;

public sealed class ValidTextTests(ApiFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string> Texts() =>
    [
        "Khu kinh tế Dung Quất, tỉnh Quảng Ngãi — Đặc khu",
        "Emoji 🚢⚙️🏭 and a flag 🇻🇳",
        "Quotes \" ' ` « » and a backslash \\",
        "'; DROP TABLE investment.mt_events; --",
        "<script>alert('x')</script>",
        "Line one\nLine two\tTabbed",
        "=SUM(A1:A9)",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task valid_text_round_trips_exactly_through_investors_leads_and_contacts(string text)
    {
        var investor = await Host.RegisteredInvestor(Officer, new
        {
            legalName = Unique("Round trip"), country = "VN", sectors = new[] { "energy" }, notes = text,
            contactPersons = new[] { new { name = text[..Math.Min(text.Length, 200)] } },
        });
        var lead = await (await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead((string)investor["id"]!, projectName: text))).Json();
        var contact = await (await Host.Post(Officer, $"/api/v1/leads/{lead["id"]}/contacts", LeadRequests.Contact(text))).Json();

        Assert.Equal(text, (string?)(await Host.Get(Officer, $"/api/v1/investors/{investor["id"]}"))["notes"]);
        Assert.Equal(text, (string?)(await Host.Get(Officer, $"/api/v1/leads/{lead["id"]}"))["projectName"]);
        Assert.Equal(text, (string?)(await Host.Get(Officer, $"/api/v1/leads/{lead["id"]}/contacts/{contact["id"]}"))["summary"]);
        Assert.Equal(text, (string?)(await Host.Get(Officer, $"/api/v1/investors/{investor["id"]}/history"))["items"]![0]!["data"]!["profile"]!["notes"]);
    }

    public static TheoryData<string> InvisibleCharacters() => ["\u200B", "\u200D", "\u202E", "\u2066", "\uFEFF", "\u00AD", "\u3164", "\u115F", "\uFFA0", "\U000E0041"];

    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public async Task an_invisible_character_in_any_text_field_answers_400_naming_the_field(string invisible)
    {
        var inName = await Host.Send(Officer, s => s.Post.Json(InvestorRequests.Profile(Unique($"Doo{invisible}san Heavy Industries"), "KR")).ToUrl("/api/v1/investors"));
        var inWebsite = await Host.Send(Officer, s => s.Post.Json(new
        {
            legalName = Unique("Website owner"), country = "KR", sectors = new[] { "energy" }, website = $"https://example.com/{invisible}moc.elgoog",
        }).ToUrl("/api/v1/investors"));
        var lead = await Host.OpenedLead(Officer);
        var inSummary = await Host.Post(Officer, $"/api/v1/leads/{lead["id"]}/contacts", LeadRequests.Contact($"Met{invisible} the director."));

        Assert.Contains("$.legalName", (string?)(await inName.ShouldBeProblem(400, "request.malformed_json"))["detail"]);
        Assert.Contains("$.website", (string?)(await inWebsite.ShouldBeProblem(400, "request.malformed_json"))["detail"]);
        Assert.Contains("$.summary", (string?)(await inSummary.ShouldBeProblem(400, "request.malformed_json"))["detail"]);
    }

    [Theory]
    [InlineData("\u0301\u0301\u0301")]
    [InlineData("...")]
    [InlineData("- 123 -")]
    public async Task a_name_with_no_visible_letter_answers_400(string name)
    {
        var investor = await Host.Send(Officer, s => s.Post.Json(InvestorRequests.Profile(name)).ToUrl("/api/v1/investors"));

        var problem = await investor.ShouldBeProblem(400, "validation.failed");
        Assert.NotNull(problem["errors"]!["legalName"]);
    }

    [Fact]
    public async Task a_name_in_fullwidth_letters_is_the_same_investor_as_the_plain_one()
    {
        var plain = Unique("Doosan Heavy Industries");
        var fullwidth = string.Concat(plain.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01') : c));
        await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(plain, "KR"));

        var again = await Host.Send(Officer, s => s.Post.Json(InvestorRequests.Profile(fullwidth, "KR")).ToUrl("/api/v1/investors"));

        await again.ShouldBeProblem(409, "investor.duplicate");
    }

    [Theory]
    [InlineData("Tổng Công ty Cổ phần Dầu khí Việt Nam", "Nguyễn Thị Phượng")]
    [InlineData("株式会社ＪＦＥスチール ｶｽ", "佐藤 博")]
    [InlineData("두산중공업 주식회사", "김민준")]
    [InlineData("台塑河静钢铁兴业有限公司", "王永慶")]
    public async Task vietnamese_japanese_korean_and_chinese_names_round_trip_exactly(string legalName, string person)
    {
        var name = $"{legalName} {Guid.NewGuid().ToString("N")[..6]}";
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(name, "VN", contactPersons: [new { name = person }]));

        var read = await Host.Get(Officer, $"/api/v1/investors/{investor["id"]}");

        Assert.Equal(name, (string?)read["legalName"]);
        Assert.Equal(person, (string?)read["contactPersons"]![0]!["name"]);
    }
}
