using System.Globalization;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Robustness;

/// <summary>64 clients at once on one certificate, one lead, one zone: every change is applied or refused, none lost or doubled.</summary>
public sealed class ConcurrencyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const int Clients = 64;

    private static decimal Dec(System.Text.Json.Nodes.JsonNode? node) => decimal.Parse((string)node!, CultureInfo.InvariantCulture);

    private async Task<long> EventsIn(string streamId)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(Guid.Parse(streamId)))!.Version;
    }

    [Fact]
    public async Task sixty_four_amendments_with_the_same_etag_apply_exactly_one()
    {
        var certificate = await Host.IssuedCertificate(Officer);
        var url = $"/api/v1/certificates/{certificate["id"]}/amendments";

        var results = await Task.WhenAll(Enumerable.Range(1, Clients).Select(i =>
            Host.Post(Officer, url, new { on = "2014-01-01", capitalChange = LeadRequests.Usd(i), reason = $"client {i}" }, "\"1\"")));

        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.All(statuses.Where(s => s != 200), s => Assert.Contains(s, new[] { 409, 412 }));
        Assert.Equal(2, await EventsIn((string)certificate["id"]!));
    }

    [Fact]
    public async Task sixty_four_amendments_without_etag_are_each_applied_or_refused_and_the_capital_adds_up()
    {
        var certificate = await Host.IssuedCertificate(Officer, capital: LeadRequests.Usd(1_000m));
        var url = $"/api/v1/certificates/{certificate["id"]}/amendments";

        var results = await Task.WhenAll(Enumerable.Range(1, Clients).Select(async i =>
            (Amount: i, Result: await Host.Post(Officer, url, new { on = "2014-01-01", capitalChange = LeadRequests.Usd(i), reason = $"client {i}" }))));

        var applied = results.Where(r => r.Result.Context.Response.StatusCode == 200).ToList();
        Assert.All(results.Where(r => r.Result.Context.Response.StatusCode != 200), r => Assert.Equal(409, r.Result.Context.Response.StatusCode));
        Assert.NotEmpty(applied);
        var now = await Host.Get(Officer, $"/api/v1/certificates/{certificate["id"]}");
        Assert.Equal(1_000m + applied.Sum(a => a.Amount), Dec(now["capitalUsd"]));
        Assert.Equal(Enumerable.Range(1, applied.Count), now["amendments"]!.AsArray().Select(a => (int)a!["number"]!));
        Assert.Equal(applied.Select(a => a.Amount).Order(), now["amendments"]!.AsArray().Select(a => (int)Dec(a!["capitalChangeUsd"])).Order());
        Assert.Equal(1 + applied.Count, await EventsIn((string)certificate["id"]!));
    }

    [Fact]
    public async Task sixty_four_contacts_logged_at_once_on_one_lead_are_each_logged_once_or_refused()
    {
        var lead = await Host.OpenedLead(Officer);
        var url = $"/api/v1/leads/{lead["id"]}/contacts";

        var results = await Task.WhenAll(Enumerable.Range(1, Clients).Select(i => Host.Post(Officer, url, LeadRequests.Contact($"Client {i}"))));

        var logged = results.Count(r => r.Context.Response.StatusCode == 201);
        Assert.All(results.Where(r => r.Context.Response.StatusCode != 201), r => Assert.Equal(409, r.Context.Response.StatusCode));
        Assert.True(logged > 0);
        Assert.Equal(logged, (await Host.Get(Officer, $"{url}?limit=200"))["items"]!.AsArray().Count);
        Assert.Equal(1 + logged, await EventsIn((string)lead["id"]!));
        Assert.Equal(1 + logged, await Host.VersionOf(Officer, $"/api/v1/leads/{lead["id"]}"));
    }

    [Fact]
    public async Task sixty_four_certificates_issued_at_once_in_one_zone_and_year_add_up_to_what_was_acknowledged()
    {
        // tinh-phong in 2004 belongs to this test.
        var investor = (string)(await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Burst"), "SG")))["id"]!;
        var results = await Task.WhenAll(Enumerable.Range(1, Clients).Select(async i =>
            (Amount: i * 1_000.01m, Result: await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor,
                capital: LeadRequests.Usd(i * 1_000.01m), issuedOn: "2004-05-05", zone: "tinh-phong", schedule: [])))));

        Assert.All(results, r => Assert.Equal(201, r.Result.Context.Response.StatusCode));
        await Host.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var progress = await Host.Get(Partner, "/api/v1/zones/tinh-phong/progress/2004");
        Assert.Equal(results.Sum(r => r.Amount), Dec(progress["attractedUsd"]));
        Assert.Equal(Clients, (int)progress["newCertificates"]!);
    }
}
