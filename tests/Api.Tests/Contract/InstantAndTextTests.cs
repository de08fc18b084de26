using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;

namespace Investment.Api.Tests.Contract;

/// <summary>Instants as RFC 3339 with any offset, answered in one shape; text written as itself.</summary>
public sealed class InstantAndTextTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("2014-07-01T09:30:00+07:00")] // a phone in Vietnam
    [InlineData("2014-07-01T02:30:00+00:00")] // .NET's DateTimeOffset
    [InlineData("2014-07-01T02:30:00Z")]
    [InlineData("2014-07-01T02:30:00.1234567Z")]
    [InlineData("2014-06-30T21:30:00-05:00")]
    public async Task an_instant_with_any_offset_names_the_same_moment_answered_in_utc_to_the_second(string occurredAt)
    {
        var lead = await Host.ALead(Officer);

        var result = await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact(occurredAt: occurredAt));

        Assert.Equal(201, result.Context.Response.StatusCode);
        // Raw JSON on purpose: the contract is the instant's shape on the wire (UTC, "Z", whole seconds), not only the moment.
        Assert.Equal("2014-07-01T02:30:00Z", (string?)(await result.Json())["occurredAt"]);
    }

    [Theory]
    [InlineData("2014-07-01T09:30:00")]
    [InlineData("2014-07-01 02:30:00Z")]
    [InlineData("yesterday")]
    public async Task an_instant_without_an_offset_or_not_rfc_3339_is_refused_naming_the_field(string occurredAt)
    {
        var lead = await Host.ALead(Officer);

        var problem = await (await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact(occurredAt: occurredAt)))
            .ShouldBe(400, "request.malformed_json");

        Assert.Contains("occurredAt", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task vietnamese_text_is_written_as_itself_not_escaped()
    {
        var name = Unique("Công ty Thép Hòa Phát Dung Quất");

        var result = await Host.Post(Officer, "/api/v1/investors", InvestorRequests.Profile(name, "VN"));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var body = await result.ReadAsTextAsync();
        Assert.Contains("Công ty Thép Hòa Phát Dung Quất", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00F4", body, StringComparison.OrdinalIgnoreCase);
    }
}
