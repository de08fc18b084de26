using System.Text.Json.Nodes;
using Alba;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Investors;

/// <summary>Scenario helpers that put the registry into a state.</summary>
public static class InvestorRequests
{
    public static object Profile(string legalName, string country = "JP", string[]? sectors = null, object[]? contactPersons = null) => new
    {
        legalName,
        country,
        sectors = sectors ?? ["heavyIndustry"],
        website = "https://example.com",
        notes = "Met at the Osaka trade mission.",
        contactPersons = contactPersons ?? [new { name = "Sato Hiroshi", role = "Director", email = "sato@example.com", phone = "+81 3 0000 0000" }],
    };

    /// <summary>A registered investor with this profile.</summary>
    public static async Task<Investment.Domain.Investors.Investor> ARegisteredInvestor(this IAlbaHost host, string token, object profile)
    {
        var result = await host.Send(token, s => s.Post.Json(profile).ToUrl("/api/v1/investors"));
        Assert.Equal(201, result.Context.Response.StatusCode);
        return await result.Read<Investment.Domain.Investors.Investor>();
    }
}
