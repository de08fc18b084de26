using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;

namespace Investment.Api.Tests.Leads;

/// <summary>Scenario helpers that put the pipeline into a state.</summary>
public static class LeadRequests
{
    public static object Usd(decimal amount) => new { amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), currency = "USD" };

    public static object Lead(string investorId, string zone = "dung-quat", string? projectName = null, string sector = "heavyIndustry",
        object? estimate = null, string source = "tradeMission", string? owner = null, string? openedOn = null) => new
    {
        investorId,
        zone,
        projectName = projectName ?? $"Project {Guid.NewGuid():N}",
        sector,
        estimatedCapital = estimate ?? Usd(150_000_000.00m),
        source,
        owner,
        openedOn,
    };

    /// <summary>An open lead (a prospect) of an investor of its own.</summary>
    public static async Task<Investment.Domain.Leads.Lead> ALead(this IAlbaHost host, string token, string country = "JP", string zone = "dung-quat",
        string sector = "heavyIndustry", object? estimate = null, string? owner = null, string? openedOn = null)
    {
        var investor = await host.ARegisteredInvestor(token, InvestorRequests.Profile($"Lead investor {Guid.NewGuid():N}", country));
        var result = await host.Post(token, "/api/v1/leads", Lead(investor.Id.ToString(), zone, null, sector, estimate, "tradeMission", owner, openedOn));
        Assert.Equal(201, result.Context.Response.StatusCode);
        return await result.Read<Investment.Domain.Leads.Lead>();
    }

    public static object Contact(string summary = "Discussed the 28 ha plot.", string? occurredAt = null, string? occurredAtLocal = null,
        string? followUpOn = null, string channel = "meeting", string? reason = null) => new
    {
        channel,
        summary,
        occurredAt,
        occurredAtLocal = occurredAt is null ? occurredAtLocal ?? "2014-07-01T09:30:00" : occurredAtLocal,
        officers = new[] { "officer.nguyen" },
        investorPeople = new[] { "Kim Min-jun" },
        nextStep = "Send the plot survey.",
        followUpOn,
        reason,
    };
}
