using Investment.Api.Tests.Infrastructure;
using Marten.Events;

namespace Investment.Api.Tests.Leads;

public sealed class PipelineTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Leads of this test are opened in February 2013, a period no other test opens leads in.</summary>
    private const string Period = "openedFrom=2013-02-01&openedTo=2013-02-28";

    [Fact]
    public async Task the_pipeline_counts_stages_capital_conversion_and_median_days_for_leads_opened_in_a_period()
    {
        var a = await Host.OpenedLead(Officer, zone: "quang-phu", estimate: LeadRequests.Usd(100m), openedOn: "2013-02-01");
        var b = await Host.OpenedLead(Officer, zone: "quang-phu", estimate: LeadRequests.Usd(200m), openedOn: "2013-02-05");
        var c = await Host.OpenedLead(Officer, zone: "quang-phu", estimate: LeadRequests.Usd(400m), openedOn: "2013-02-11");
        await Host.OpenedLead(Officer, zone: "quang-phu", estimate: LeadRequests.Usd(800m), openedOn: "2013-03-01"); // outside the period
        await Host.Post(Officer, $"/api/v1/leads/{a["id"]}/stage", new { stage = "engaged", on = "2013-02-11" }); // 10 days a prospect
        await Host.Post(Officer, $"/api/v1/leads/{a["id"]}/stage", new { stage = "siteVisit", on = "2013-03-01" });
        await Host.Post(Officer, $"/api/v1/leads/{b["id"]}/stage", new { stage = "engaged", on = "2013-02-25" }); // 20 days a prospect
        await Host.Post(Officer, $"/api/v1/leads/{c["id"]}/lose", new { reason = "No land.", on = "2013-02-21" }); // 10 days a prospect

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var pipeline = await Host.Get(Partner, $"/api/v1/zones/quang-phu/pipeline?{Period}");

        Assert.Equal(3, (int)pipeline["leads"]!);
        Assert.Equal(1, (int)pipeline["lost"]!);
        Assert.Equal("400.00", (string?)pipeline["lostEstimatedCapitalUsd"]);
        var stages = pipeline["stages"]!.AsArray().ToDictionary(s => (string)s!["stage"]!);
        Assert.Equal(0, (int)stages["prospect"]!["current"]!);
        Assert.Equal(3, (int)stages["prospect"]!["reached"]!);
        Assert.Equal("0.6667", (string?)stages["prospect"]!["conversionToNext"]);
        Assert.Equal("10", (string?)stages["prospect"]!["medianDays"]);
        Assert.Equal(1, (int)stages["engaged"]!["current"]!);
        Assert.Equal("200.00", (string?)stages["engaged"]!["estimatedCapitalUsd"]);
        Assert.Equal("0.5", (string?)stages["engaged"]!["conversionToNext"]);
        Assert.Equal(1, (int)stages["siteVisit"]!["current"]!);
        Assert.Null(stages["siteVisit"]!["medianDays"]);
        Assert.Null(stages["certified"]!["conversionToNext"]);
    }

    [Fact]
    public async Task the_pipeline_holds_no_personal_data()
    {
        var lead = await Host.OpenedLead(Officer, zone: "pho-phong", openedOn: "2013-02-14");
        await Host.Post(Officer, $"/api/v1/leads/{lead["id"]}/contacts", LeadRequests.Contact("Met Kim Min-jun.", occurredAtLocal: "2013-02-14T09:00:00"));
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var text = (await Host.Get(Partner, $"/api/v1/zones/pho-phong/pipeline?{Period}")).ToJsonString();

        Assert.DoesNotContain("Kim", text);
        Assert.DoesNotContain("officer.nguyen", text);
        Assert.DoesNotContain((string)lead["investorName"]!, text);
    }

    [Theory]
    [InlineData("/api/v1/zones/hai-phong/pipeline", 404, "zone.not_found")]
    [InlineData("/api/v1/zones/dung-quat/pipeline?openedFrom=2014-02-01&openedTo=2014-01-01", 400, "request.invalid_period")]
    [InlineData("/api/v1/zones/dung-quat/pipeline?openedFrom=01/02/2014", 400, "request.invalid_openedFrom")]
    public async Task a_bad_zone_or_period_is_refused(string url, int status, string code) =>
        await (await Host.Send(Partner, s => s.Get.Url(url))).ShouldBeProblem(status, code);
}
