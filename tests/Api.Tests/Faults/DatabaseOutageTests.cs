using System.Diagnostics;
using Investment.Api.Http;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using NodaTime.Testing;

namespace Investment.Api.Tests.Faults;

/// <summary>PostgreSQL stops while clients write: writes answer 503 quickly, readiness turns unhealthy, and the API recovers alone.</summary>
[Collection(FaultsCollection.Name)]
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task writes_answer_503_while_the_database_is_down_and_succeed_again_once_it_is_back()
    {
        var officer = TestTokens.For(Roles.Officer, "officer.outage");
        await using var host = await ApiFixture.StartHost(FaultCluster.Database("outage"), new FakeClock(ApiFixture.Start));
        Assert.Equal(201, (await host.Post(officer, "/api/v1/investors", InvestorRequests.Profile($"Before {Guid.NewGuid():N}"))).Context.Response.StatusCode);

        FaultCluster.Stop();
        try
        {
            var clock = Stopwatch.StartNew();
            var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                host.Post(officer, "/api/v1/investors", InvestorRequests.Profile($"During {i} {Guid.NewGuid():N}"))));
            var answeredWithin = clock.Elapsed;
            var ready = await host.Send(null, s => s.Get.Url("/health/ready"));

            Assert.All(writes, w => Assert.Equal(503, w.Context.Response.StatusCode));
            var problem = await writes[0].ShouldBe(503, "database.unavailable");
            Assert.Contains("nothing was saved", problem.Detail);
            Assert.NotNull(writes[0].Header("Retry-After"));
            Assert.True(answeredWithin < TimeSpan.FromSeconds(30), $"writes hung for {answeredWithin}"); // bounded, not a performance target
            Assert.Equal(503, ready.Context.Response.StatusCode);
            Assert.Equal(200, (await host.Send(null, s => s.Get.Url("/health/live"))).Context.Response.StatusCode);
        }
        finally
        {
            FaultCluster.Start();
        }

        // Pooled connections died with the server: the first attempts may still fail; the API recovers without a restart.
        var recovered = false;
        for (var attempt = 0; attempt < 30 && !recovered; attempt++)
        {
            var write = await host.Post(officer, "/api/v1/investors", InvestorRequests.Profile($"After {Guid.NewGuid():N}"));
            recovered = write.Context.Response.StatusCode == 201;
            if (!recovered)
            {
                Assert.Equal(503, write.Context.Response.StatusCode);
                await Task.Delay(500);
            }
        }
        Assert.True(recovered, "the API did not recover after the database came back");
        Assert.Equal(200, (await host.Send(null, s => s.Get.Url("/health/ready"))).Context.Response.StatusCode);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "faults";
}
