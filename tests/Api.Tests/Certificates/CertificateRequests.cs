using System.Text.Json.Nodes;
using System.Text.Json;
using Alba;
using Investment.Api.EventStore;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;

namespace Investment.Api.Tests.Certificates;

public static class CertificateRequests
{
    public static string Number() => $"T-{Guid.NewGuid():N}"[..24];

    public static object Milestone(string name, string due) => new { name, due };

    public static object Certificate(string investorId, string? number = null, object? capital = null, string issuedOn = "2013-06-20",
        string zone = "dung-quat", string sector = "heavyIndustry", object[]? schedule = null, string? leadId = null, decimal landAreaHectares = 28m,
        string projectName = "Heavy industries plant") => new
    {
        number = number ?? Number(),
        projectName,
        investorIds = new[] { investorId },
        zone,
        sector,
        capital = capital ?? LeadRequests.Usd(150_000_000.00m),
        landAreaHectares,
        issuedOn,
        durationYears = 50,
        schedule = schedule ?? [Milestone("Site clearance", "2013-12-31"), Milestone("Operation", "2015-06-30")],
        leadId,
    };

    /// <summary>A certificate issued to an investor of its own.</summary>
    public static async Task<Investment.Domain.Certificates.Certificate> AnIssuedCertificate(this IAlbaHost host, string token, string country = "KR",
        object? capital = null, string issuedOn = "2013-06-20", string zone = "dung-quat", string sector = "heavyIndustry", object[]? schedule = null)
    {
        var investor = await host.ARegisteredInvestor(token, InvestorRequests.Profile($"Certificate holder {Guid.NewGuid():N}", country));
        var result = await host.Post(token, "/api/v1/certificates",
            Certificate(investor.Id.ToString(), capital: capital, issuedOn: issuedOn, zone: zone, sector: sector, schedule: schedule));
        Assert.Equal(201, result.Context.Response.StatusCode);
        return await result.Read<Investment.Domain.Certificates.Certificate>();
    }
}
