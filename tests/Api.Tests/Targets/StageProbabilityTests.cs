using Investment.Api.Reports;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;
using Investment.Domain.Forecasts;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Api.Tests.Targets;

/// <summary>Issue 14 §2.5: the forecast that uses the pipeline. This class's zone and year: vsip-quang-ngai, 2006.</summary>
public sealed class StageProbabilityTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Url = "/api/v1/zones/vsip-quang-ngai/stage-probabilities";

    private static object Probabilities(decimal commitment, string? reason = null) =>
        new { prospect = 0.1m, engaged = 0.2m, siteVisit = 0.3m, commitment, applied = 0.9m, reason };

    [Fact]
    public async Task the_progress_adds_the_pipelines_expected_capital_with_the_probabilities_known_at_the_date()
    {
        var saved = Clock.GetCurrentInstant();
        try
        {
            Clock.Reset(Instant.FromUtc(2006, 3, 1, 3, 0));
            var defaults = await Host.Send(Partner, s => s.Get.Url(Url));
            Assert.Equal("\"0\"", defaults.Header("ETag"));
            Assert.True((await defaults.Read<ZoneProbabilities>()).IsDefault);

            var first = await Host.Put(Admin, Url, Probabilities(0.5m), ifMatch: "\"0\"");
            Assert.Equal((200, "\"1\""), (first.Context.Response.StatusCode, first.Header("ETag")));
            await (await Host.Put(Admin, Url, Probabilities(0.6m), ifMatch: "\"0\"")).ShouldBe(412, "concurrency.stale");
            await (await Host.Put(Admin, Url, Probabilities(1.5m))).ShouldBe(400, "validation.failed");

            var lead = await Host.ALead(Officer, zone: "vsip-quang-ngai", estimate: LeadRequests.Usd(1_000m), openedOn: "2006-03-01");
            await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/stage", new { stage = "commitment", on = "2006-03-01" });

            Clock.Reset(Instant.FromUtc(2006, 7, 1, 3, 0));
            var revised = await Host.Put(Admin, Url, Probabilities(0.8m, "Review."), ifMatch: "\"1\"");
            Assert.Equal("\"2\"", revised.Header("ETag"));

            Clock.Reset(Instant.FromUtc(2006, 7, 5, 3, 0));
            await Host.Settled();
            var now = (await Host.Get<ZoneProgress>(Partner, "/api/v1/zones/vsip-quang-ngai/progress/2006")).Status;
            Assert.Equal((800.00m, 800.00m, ForecastMethod.Pipeline, 800.00m), (now.PipelineExpectedUsd, now.PipelineForecastUsd, now.ForecastUsed, now.ExpectedYearEndUsd));
            Assert.Equal(0.00m, now.ForecastUsd); // the straight line, beside it: nothing attracted yet

            var before = (await Host.Get<ZoneProgress>(Partner, "/api/v1/zones/vsip-quang-ngai/progress/2006?asOf=2006-06-30")).Status;
            Assert.Equal(500.00m, before.PipelineExpectedUsd); // the probabilities known on 30 June

            var read = await Host.Get<ZoneProbabilities>(Partner, Url);
            Assert.Equal([1, 2], read.Versions.Select(v => v.Number));
            Assert.All(read.Versions, v => Assert.Null(v.RecordedBy));
            Assert.Equal("admin.tran", (await Host.Get<ZoneProbabilities>(Admin, Url)).Versions[^1].RecordedBy);
        }
        finally
        {
            Clock.Reset(saved);
        }
    }
}
