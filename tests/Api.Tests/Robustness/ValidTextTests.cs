using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using Investment.Api.Leads;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
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
        var investor = await Host.ARegisteredInvestor(Officer, new
        {
            legalName = Unique("Round trip"), country = "VN", sectors = new[] { "energy" }, notes = text,
            contactPersons = new[] { new { name = text[..Math.Min(text.Length, 200)] } },
        });
        var lead = await (await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(investor.Id.ToString(), projectName: text))).Read<Lead>();
        var contact = await (await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact(text))).Read<LoggedContact>();

        Assert.Equal(text, (await Host.Get<Investor>(Officer, $"/api/v1/investors/{investor.Id}")).Notes);
        Assert.Equal(text, (await Host.Get<Lead>(Officer, $"/api/v1/leads/{lead.Id}")).ProjectName);
        Assert.Equal(text, (await Host.Get<LoggedContact>(Officer, $"/api/v1/leads/{lead.Id}/contacts/{contact.Id}")).Summary);
        var registered = (await Host.Get<Page<HistoryEntry>>(Officer, $"/api/v1/investors/{investor.Id}/history")).Items[0];
        Assert.Equal(text, registered.Event<InvestorRegistered>().Profile.Notes);
    }

    public static TheoryData<string> InvisibleCharacters() => ["\u200B", "\u200D", "\u202E", "\u2066", "\uFEFF", "\u00AD", "\u3164", "\u115F", "\uFFA0", "\U000E0041"];

    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public async Task an_invisible_character_in_any_text_field_answers_400_naming_the_field(string invisible)
    {
        var inName = await Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile(Unique($"Doo{invisible}san Heavy Industries"), "KR"));
        var inWebsite = await Host.Post(Officer, "/api/v1/investors", new
        {
            legalName = Unique("Website owner"), country = "KR", sectors = new[] { "energy" }, website = $"https://example.com/{invisible}moc.elgoog",
        });
        var lead = await Host.ALead(Officer);
        var inSummary = await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact($"Met{invisible} the director."));

        Assert.Contains("$.legalName", (await inName.ShouldBe(400, "request.malformed_json")).Detail);
        Assert.Contains("$.website", (await inWebsite.ShouldBe(400, "request.malformed_json")).Detail);
        Assert.Contains("$.summary", (await inSummary.ShouldBe(400, "request.malformed_json")).Detail);
    }

    [Theory]
    [InlineData("\u0301\u0301\u0301")]
    [InlineData("...")]
    [InlineData("- 123 -")]
    public async Task a_name_with_no_visible_letter_answers_400(string name)
    {
        var investor = await Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile(name));

        var problem = await investor.ShouldBe(400, "validation.failed");
        Assert.Contains("legalName", problem.Errors!.Keys);
    }

    [Fact]
    public async Task a_name_in_fullwidth_letters_is_the_same_investor_as_the_plain_one()
    {
        var plain = Unique("Doosan Heavy Industries");
        var fullwidth = string.Concat(plain.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01') : c));
        await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(plain, "KR"));

        var again = await Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile(fullwidth, "KR"));

        await again.ShouldBe(409, "investor.duplicate");
    }

    [Theory]
    [InlineData("Tổng Công ty Cổ phần Dầu khí Việt Nam", "Nguyễn Thị Phượng")]
    [InlineData("株式会社ＪＦＥスチール ｶｽ", "佐藤 博")]
    [InlineData("두산중공업 주식회사", "김민준")]
    [InlineData("台塑河静钢铁兴业有限公司", "王永慶")]
    public async Task vietnamese_japanese_korean_and_chinese_names_round_trip_exactly(string legalName, string person)
    {
        var name = $"{legalName} {Guid.NewGuid().ToString("N")[..6]}";
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(name, "VN", contactPersons: [new { name = person }]));

        var read = await Host.Get<Investor>(Officer, $"/api/v1/investors/{investor.Id}");

        Assert.Equal(name, read.LegalName);
        Assert.Equal(person, read.ContactPersons![0].Name);
    }
}
