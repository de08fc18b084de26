using System.Text.Json.Nodes;
using Alba;
using Investment.Api.Http;
using Investment.Api.Tests.Infrastructure;
using Marten.Events;
using NodaTime;
using NodaTime.Testing;

namespace Investment.Api.Tests.Database;

public sealed class SeedingTests
{
    [Fact]
    public async Task demo_data_is_seeded_once_however_often_the_api_starts()
    {
        var database = TestDatabase.Create("seed");
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 27, 3, 0)); // demo data tells 2014's story as known today

        for (var start = 0; start < 2; start++)
        {
            await using var host = await ApiFixture.StartHost(database, clock, demoData: true);
            var token = TestTokens.For(Roles.Officer);
            var investors = await List(host, token, "/api/v1/investors?limit=200");
            var zones = await List(host, token, "/api/v1/zones");

            var leads = await List(host, token, "/api/v1/leads?limit=200");
            Assert.Equal(8, investors["items"]!.AsArray().Count);
            Assert.Equal(5, zones.AsArray().Count);
            Assert.Equal(6, leads["items"]!.AsArray().Count);
            var refinery = leads["items"]!.AsArray().Single(l => (string?)l!["projectName"] == "Dung Quat oil refinery expansion")!;
            Assert.Equal("applied", (string?)refinery["stage"]);
            Assert.Equal(3, refinery["contacts"]!.AsArray().Count);
            var guangLian = (await List(host, token, "/api/v1/certificates?number=341043000019"))["items"]![0]!;
            Assert.Equal("4500000000.00", (string?)guangLian["capitalUsd"]);
            Assert.Equal("revoked", (string?)guangLian["status"]);
            Assert.Equal(5, guangLian["amendments"]!.AsArray().Count);
            Assert.Equal("left", (string?)guangLian["amendments"]![4]!["investors"]!["kind"]); // JFE withdrew in September 2014
            Assert.Equal("JFE Steel Corporation", (string?)guangLian["amendments"]![4]!["investors"]!["left"]![0]!["name"]);
            Assert.Equal(["Guang Lian Steel (Dung Quat) Corporation"], guangLian["investors"]!.AsArray().Select(i => (string)i!["name"]!));
            Assert.Equal(("250000000.00", 8000), ((string?)guangLian["realisedUsd"], (int)guangLian["plannedEmployees"]!));
            if (start == 1)
            {
                // The README's example of the 2014 progress.
                await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
                var progress = await List(host, token, "/api/v1/zones/dung-quat/progress/2014");
                Assert.Equal(("68000000.00", 2, 1), ((string?)progress["attractedUsd"], (int)progress["amendments"]!, (int)progress["otherAmendments"]!));
                Assert.Equal(("4868000000.00", "568525416.55", "0.1168", "88525416.55"), ((string?)progress["realised"]!["registeredUsd"],
                    (string?)progress["realised"]!["realisedUsd"], (string?)progress["realised"]!["realisationRate"], (string?)progress["realised"]!["realisedInPeriodUsd"]));
                Assert.Equal((11380, 380, 2970, 133), ((int)progress["jobs"]!["plannedEmployees"]!, (int)progress["jobs"]!["plannedInPeriod"]!,
                    (int)progress["jobs"]!["vietnameseEmployees"]!, (int)progress["jobs"]!["foreignEmployees"]!));
            }
            Assert.Contains(investors["items"]!.AsArray(), i => (string?)i!["legalName"] == "Doosan Heavy Industries & Construction");
        }
    }

    [Fact]
    public async Task without_demo_data_only_the_zones_are_seeded()
    {
        await using var host = await ApiFixture.StartHost(TestDatabase.Create("bare"), new FakeClock(ApiFixture.Start));
        var investors = await List(host, TestTokens.For(Roles.Officer), "/api/v1/investors");
        Assert.Empty(investors["items"]!.AsArray());
    }

    private static async Task<JsonNode> List(IAlbaHost host, string token, string url) =>
        await (await host.Send(token, s => s.Get.Url(url))).Json();
}
