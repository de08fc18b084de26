using Investment.Api.Leads;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Leads;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Leads;

public sealed class PipelineTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Leads of this test are opened in February 2013, a period no other test opens leads in.</summary>
    private const string Period = "openedFrom=2013-02-01&openedTo=2013-02-28";

    [Fact]
    public async Task the_pipeline_counts_stages_capital_conversion_and_median_days_for_leads_opened_in_a_period()
    {
        var a = await Host.ALead(Officer, zone: "quang-phu", estimate: LeadRequests.Usd(100m), openedOn: "2013-02-01");
        var b = await Host.ALead(Officer, zone: "quang-phu", estimate: LeadRequests.Usd(200m), openedOn: "2013-02-05");
        var c = await Host.ALead(Officer, zone: "quang-phu", estimate: LeadRequests.Usd(400m), openedOn: "2013-02-11");
        await Host.ALead(Officer, zone: "quang-phu", estimate: LeadRequests.Usd(800m), openedOn: "2013-03-01"); // outside the period
        await Host.Post(Officer, $"/api/v1/leads/{a.Id}/stage", new { stage = "engaged", on = "2013-02-11" }); // 10 days a prospect
        await Host.Post(Officer, $"/api/v1/leads/{a.Id}/stage", new { stage = "siteVisit", on = "2013-03-01" });
        await Host.Post(Officer, $"/api/v1/leads/{b.Id}/stage", new { stage = "engaged", on = "2013-02-25" }); // 20 days a prospect
        await Host.Post(Officer, $"/api/v1/leads/{c.Id}/lose", new { reason = "No land.", reasonCode = "other", on = "2013-02-21" }); // 10 days a prospect

        await Host.Settled();
        var pipeline = await Host.Get<ZonePipeline>(Partner, $"/api/v1/zones/quang-phu/pipeline?{Period}");

        Assert.Equal((3, 1, 400.00m), (pipeline.Leads, pipeline.Lost, pipeline.LostEstimatedCapitalUsd));
        var stages = pipeline.Stages.ToDictionary(s => s.Stage);
        Assert.Equal(0, stages[LeadStage.Prospect].Current);
        Assert.Equal(3, stages[LeadStage.Prospect].Reached);
        Assert.Equal(0.6667m, stages[LeadStage.Prospect].ConversionToNext);
        Assert.Equal(10m, stages[LeadStage.Prospect].MedianDays);
        Assert.Equal(1, stages[LeadStage.Engaged].Current);
        Assert.Equal(200.00m, stages[LeadStage.Engaged].EstimatedCapitalUsd);
        Assert.Equal(0.5m, stages[LeadStage.Engaged].ConversionToNext);
        Assert.Equal(1, stages[LeadStage.SiteVisit].Current);
        Assert.Null(stages[LeadStage.SiteVisit].MedianDays);
        Assert.Null(stages[LeadStage.Certified].ConversionToNext);
    }

    [Fact]
    public async Task entries_stored_before_the_pipeline_kept_its_columns_are_counted_the_same_until_a_rebuild()
    {
        // Issue 18: PostgreSQL counts the pipeline from PipelineEntry's columns; an entry stored before them (null until
        // rebuild-projections) makes the pipeline count from the documents, with the same answer.
        const string zone = "tinh-phong";
        const string period = "openedFrom=2011-08-01&openedTo=2011-08-31";
        var a = await Host.ALead(Officer, zone: zone, estimate: LeadRequests.Usd(100m), openedOn: "2011-08-01");
        var b = await Host.ALead(Officer, zone: zone, estimate: LeadRequests.Usd(200m), openedOn: "2011-08-05");
        var c = await Host.ALead(Officer, zone: zone, estimate: LeadRequests.Usd(400m), openedOn: "2011-08-11");
        await Host.Post(Officer, $"/api/v1/leads/{a.Id}/contacts", LeadRequests.Contact("First call.", occurredAtLocal: "2011-08-03T09:00:00"));
        await Host.Post(Officer, $"/api/v1/leads/{b.Id}/contacts", LeadRequests.Contact("First call.", occurredAtLocal: "2011-08-05T15:00:00"));
        await Host.Post(Officer, $"/api/v1/leads/{a.Id}/stage", new { stage = "engaged", on = "2011-08-11" });
        await Host.Post(Officer, $"/api/v1/leads/{a.Id}/stage", new { stage = "commitment", on = "2011-09-01" });
        await Host.Post(Officer, $"/api/v1/leads/{b.Id}/stage", new { stage = "engaged", on = "2011-08-25" });
        await Host.Post(Officer, $"/api/v1/leads/{c.Id}/lose", new { reason = "Went to Thailand.", reasonCode = "anotherCountry", lostToCountry = "TH", on = "2011-08-21" });
        await Host.Settled();
        var counted = await Host.Get<ZonePipeline>(Officer, $"/api/v1/zones/{zone}/pipeline?{period}");

        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
            await session.ExecuteAsync(new Npgsql.NpgsqlCommand(
                $"update {EventStore.EventStoreSetup.Schema}.mt_doc_pipelineentry set opened_date = null where id = '{a.Id}'"));
        var loaded = await Host.Get<ZonePipeline>(Officer, $"/api/v1/zones/{zone}/pipeline?{period}");

        Assert.Equal((3, 1, 400.00m), (counted.Leads, counted.Lost, counted.LostEstimatedCapitalUsd));
        Assert.Equal(1, counted.LostBy.ByReason.Single(r => r.Reason == LossReason.AnotherCountry).Leads);
        Assert.Equal(2, counted.ResponseTime.Answered);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(counted with { Freshness = loaded.Freshness }, Http.Json.Options),
            System.Text.Json.JsonSerializer.Serialize(loaded, Http.Json.Options));
    }

    [Fact]
    public async Task the_pipeline_holds_no_personal_data()
    {
        var lead = await Host.ALead(Officer, zone: "pho-phong", openedOn: "2013-02-14");
        await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact("Met Kim Min-jun.", occurredAtLocal: "2013-02-14T09:00:00"));
        await Host.Settled();

        // The answer's whole text, on purpose: no name may appear anywhere in it, whatever the field.
        var answer = await Host.Send(Partner, s => s.Get.Url($"/api/v1/zones/pho-phong/pipeline?{Period}"));
        Assert.Equal(200, answer.Context.Response.StatusCode);
        var text = await answer.ReadAsTextAsync();

        Assert.DoesNotContain("Kim", text);
        Assert.DoesNotContain("officer.nguyen", text);
        Assert.DoesNotContain(lead.InvestorName, text);
    }

    [Theory]
    [InlineData("/api/v1/zones/hai-phong/pipeline", 404, "zone.not_found")]
    [InlineData("/api/v1/zones/dung-quat/pipeline?openedFrom=2014-02-01&openedTo=2014-01-01", 400, "request.invalid_period")]
    [InlineData("/api/v1/zones/dung-quat/pipeline?openedFrom=01/02/2014", 400, "request.invalid_openedFrom")]
    public async Task a_bad_zone_or_period_is_refused(string url, int status, string code) =>
        await (await Host.Send(Partner, s => s.Get.Url(url))).ShouldBe(status, code);
}
