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
}
