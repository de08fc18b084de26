using Investment.Api.Endpoints;
using Investment.Api.Leads;
using Investment.Api.Reports;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Marten;
using Investment.Domain.Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Robustness;

/// <summary>64 clients at once on one certificate, one lead, one zone: every change is applied or refused, none lost or doubled.</summary>
public sealed class ConcurrencyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const int Clients = 64;

    private async Task<long> EventsIn(Guid streamId)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(streamId))!.Version;
    }

    [Fact]
    public async Task sixty_four_amendments_with_the_same_etag_apply_exactly_one()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var url = $"/api/v1/certificates/{certificate.Id}/amendments";

        var results = await Task.WhenAll(Enumerable.Range(1, Clients).Select(i =>
            Host.Post(Officer, url, new { on = "2014-01-01", capitalChange = LeadRequests.Usd(i), reason = $"client {i}" }, "\"1\"")));

        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.All(statuses.Where(s => s != 200), s => Assert.Contains(s, new[] { 409, 412 }));
        Assert.Equal(2, await EventsIn(certificate.Id));
    }

    [Fact]
    public async Task sixty_four_amendments_without_etag_are_each_applied_or_refused_and_the_capital_adds_up()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(1_000m));
        var url = $"/api/v1/certificates/{certificate.Id}/amendments";

        var results = await Task.WhenAll(Enumerable.Range(1, Clients).Select(async i =>
            (Amount: i, Result: await Host.Post(Officer, url, new { on = "2014-01-01", capitalChange = LeadRequests.Usd(i), reason = $"client {i}" }))));

        var applied = results.Where(r => r.Result.Context.Response.StatusCode == 200).ToList();
        Assert.All(results.Where(r => r.Result.Context.Response.StatusCode != 200), r => Assert.Equal(409, r.Result.Context.Response.StatusCode));
        Assert.NotEmpty(applied);
        var now = await Host.Get<Certificate>(Officer, $"/api/v1/certificates/{certificate.Id}");
        Assert.Equal(1_000m + applied.Sum(a => a.Amount), now.CapitalUsd);
        Assert.Equal(Enumerable.Range(1, applied.Count), now.Amendments.Select(a => a.Number));
        Assert.Equal(applied.Select(a => (decimal)a.Amount).Order(), now.Amendments.Select(a => a.CapitalChangeUsd).Order());
        Assert.Equal(1 + applied.Count, await EventsIn(certificate.Id));
    }

    [Fact]
    public async Task sixty_four_contacts_logged_at_once_on_one_lead_are_each_logged_once_or_refused()
    {
        var lead = await Host.ALead(Officer);
        var url = $"/api/v1/leads/{lead.Id}/contacts";

        var results = await Task.WhenAll(Enumerable.Range(1, Clients).Select(i => Host.Post(Officer, url, LeadRequests.Contact($"Client {i}"))));

        var logged = results.Count(r => r.Context.Response.StatusCode == 201);
        Assert.All(results.Where(r => r.Context.Response.StatusCode != 201), r => Assert.Equal(409, r.Context.Response.StatusCode));
        Assert.True(logged > 0);
        Assert.Equal(logged, (await Host.Get<Page<LoggedContact>>(Officer, $"{url}?limit=200")).Items.Count);
        Assert.Equal(1 + logged, await EventsIn(lead.Id));
        Assert.Equal(1 + logged, await Host.VersionOf(Officer, $"/api/v1/leads/{lead.Id}"));
    }

    [Fact]
    public async Task sixty_four_certificates_issued_at_once_in_one_zone_and_year_add_up_to_what_was_acknowledged()
    {
        // tinh-phong in 2004 belongs to this test.
        var investor = (await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Burst"), "SG"))).Id.ToString();
        var results = await Task.WhenAll(Enumerable.Range(1, Clients).Select(async i =>
            (Amount: i * 1_000.01m, Result: await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor,
                capital: LeadRequests.Usd(i * 1_000.01m), issuedOn: "2004-05-05", zone: "tinh-phong", schedule: [])))));

        Assert.All(results, r => Assert.Equal(201, r.Result.Context.Response.StatusCode));
        await Host.Settled();
        var progress = await Host.Get<ZoneProgress>(Partner, "/api/v1/zones/tinh-phong/progress/2004");
        Assert.Equal(results.Sum(r => r.Amount), progress.AttractedUsd);
        Assert.Equal(Clients, progress.NewCertificates);
    }
}
