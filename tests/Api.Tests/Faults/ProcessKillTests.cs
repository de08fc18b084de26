using System.Collections.Concurrent;
using System.Net.Http.Json;
using Investment.Api.Http;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Investment.Domain.Certificates;
using Investment.Domain.Investors;

namespace Investment.Api.Tests.Faults;

/// <summary>
/// The API killed with SIGKILL while clients write, then started again: every write answered 2xx is in the store, and
/// the async projections catch up exactly once — the zone's total equals an independent sum of the stored events.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ProcessKillTests
{
    [Fact]
    public async Task nothing_acknowledged_is_lost_and_totals_stay_exact_across_a_sigkill()
    {
        var database = FaultCluster.Database("kill");
        var token = TestTokens.For(Roles.Officer, "officer.kill");
        await using var api = new ApiProcess(database);
        await api.Start();
        using var client = api.Client(token);
        var investor = await (await client.PostAsJsonAsync("/api/v1/investors", InvestorRequests.Profile($"Kill {Guid.NewGuid():N}", "JP"))).Content
            .ReadFromJsonAsync<Investor>(Infrastructure.Scenarios.Answers);

        var acknowledged = new ConcurrentBag<(Guid Id, decimal Amount)>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var amount = (w * 1000 + i + 1) * 10.01m;
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/certificates", CertificateRequests.Certificate(investor!.Id.ToString(),
                        capital: LeadRequests.Usd(amount), issuedOn: "2014-03-03", zone: "dung-quat", schedule: []));
                    if ((int)response.StatusCode == 201)
                        acknowledged.Add(((await response.Content.ReadFromJsonAsync<Certificate>(Infrastructure.Scenarios.Answers))!.Id, amount));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50); // the server is gone: a client would retry later
                }
                catch (TaskCanceledException)
                {
                }
            }
        })).ToList();

        await Task.Delay(1500);
        api.Kill();
        await Task.Delay(300);
        var beforeRestart = acknowledged.Count;
        await api.Start();
        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(beforeRestart > 0, "no write was acknowledged before the kill");
        foreach (var (id, _) in acknowledged)
            Assert.Equal(200, (int)(await client.GetAsync(new Uri($"/api/v1/certificates/{id}", UriKind.Relative))).StatusCode);

        // The stored events, summed without the API: what the zone's total must equal once the projections caught up.
        var stored = await FaultCluster.StoredCapital(database, "dung-quat");
        Assert.True(stored >= acknowledged.Sum(a => a.Amount));
        Assert.Equal(stored, await FaultCluster.AttractedWhenSettled(client, "dung-quat", 2014, stored));
    }
}
