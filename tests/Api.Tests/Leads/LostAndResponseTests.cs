using Investment.Api.Leads;
using Investment.Api.Reports;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Leads;

namespace Investment.Api.Tests.Leads;

/// <summary>Issue 14 §2.3 and §2.4: why leads are lost, and how fast they are answered.</summary>
public sealed class LostAndResponseTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Leads of this test are opened in pho-phong in March 2012, a period no other test opens leads in.</summary>
    private const string Period = "openedFrom=2012-03-01&openedTo=2012-03-31";

    private static string Lose(Lead lead) => $"/api/v1/leads/{lead.Id}/lose";

    [Fact]
    public async Task the_pipeline_and_the_report_count_lost_leads_by_reason_and_by_the_country_or_zone_they_went_to()
    {
        var a = await Host.ALead(Officer, zone: "pho-phong", estimate: LeadRequests.Usd(100m), openedOn: "2012-03-01");
        var b = await Host.ALead(Officer, zone: "pho-phong", estimate: LeadRequests.Usd(200m), openedOn: "2012-03-02");
        var c = await Host.ALead(Officer, zone: "pho-phong", estimate: LeadRequests.Usd(400m), openedOn: "2012-03-05");
        await Host.Post(Officer, Lose(a), new { reason = "Chose Rayong.", reasonCode = "anotherCountry", lostToCountry = "TH", on = "2012-04-02" });
        await Host.Post(Officer, Lose(b), new { reason = "Chose Amata.", reasonCode = "anotherCountry", lostToCountry = "TH", on = "2012-04-03" });
        var last = await Host.Post(Officer, Lose(c), new { reason = "Went north.", reasonCode = "anotherZone", lostToZone = "VSIP Bắc Ninh", on = "2012-04-04" });
        var lead = await last.Read<Lead>();
        Assert.Equal(new LeadLoss(LossReason.AnotherZone, true, null, "VSIP Bắc Ninh"), lead.Loss);

        // Read your write: the pipeline waits for the position the last write answered.
        var position = last.Header("Event-Position");
        Assert.NotNull(position);
        var pipeline = await Host.Get<ZonePipeline>(Partner, $"/api/v1/zones/pho-phong/pipeline?{Period}&minPosition={position}");
        Assert.False(pipeline.Freshness.Stale);
        Assert.True(pipeline.Freshness.CurrentToPosition >= long.Parse(position, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, pipeline.Lost);
        Assert.Equal(Enum.GetValues<LossReason>(), pipeline.LostBy.ByReason.Select(r => r.Reason));
        var byReason = pipeline.LostBy.ByReason.ToDictionary(r => r.Reason);
        Assert.Equal((2, 300.00m, "Chose another country"), (byReason[LossReason.AnotherCountry].Leads, byReason[LossReason.AnotherCountry].EstimatedCapitalUsd, byReason[LossReason.AnotherCountry].Label));
        Assert.Equal(1, byReason[LossReason.AnotherZone].Leads);
        Assert.Equal([new LostToFigure("TH", 2, 300.00m)], pipeline.LostBy.ToCountries);
        Assert.Equal([new LostToFigure("VSIP Bắc Ninh", 1, 400.00m)], pipeline.LostBy.ToZones);

        var report = await Host.Get<ZoneReport>(Partner, $"/api/v1/zones/pho-phong/reports/2012/year?minPosition={position}");
        Assert.Equal(3, report.Leads.LostBy!.ByReason.Sum(r => r.Leads));
        Assert.Equal([new LostToFigure("TH", 2, 300.00m)], report.Leads.LostBy.ToCountries);
        Assert.Null(report.Leads.ResponseByOfficer); // partners see no per-officer figures
    }

    [Theory]
    [InlineData("anotherCountry", null, null, "lostToCountry")]
    [InlineData("anotherCountry", "VN", null, "lostToCountry")]
    [InlineData("anotherZone", null, null, "lostToZone")]
    [InlineData("financing", "TH", null, "lostToCountry")]
    [InlineData("incentives", null, "Chu Lai", "lostToZone")]
    public async Task where_a_lead_went_is_required_for_another_country_or_zone_and_refused_otherwise(
        string code, string? country, string? zone, string field)
    {
        var lead = await Host.ALead(Officer);
        var problem = await (await Host.Post(Officer, Lose(lead), new { reason = "Gone.", reasonCode = code, lostToCountry = country, lostToZone = zone }))
            .ShouldBe(400, "validation.failed");
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task a_lead_lost_without_a_reason_code_is_refused()
    {
        var lead = await Host.ALead(Officer);
        await (await Host.Post(Officer, Lose(lead), new { reason = "Gone." })).ShouldBe(400, "request.malformed_json");
    }

    [Fact]
    public async Task the_response_time_counts_working_days_to_the_first_contact_and_per_officer_only_for_officers()
    {
        // quang-phu, leads opened in June 2011. Friday 3 June → Tuesday 7 June: 2 working days, on time.
        var onTime = await Host.ALead(Officer, zone: "quang-phu", owner: "officer.le", openedOn: "2011-06-03");
        await Host.Post(Officer, $"/api/v1/leads/{onTime.Id}/contacts", LeadRequests.Contact(occurredAtLocal: "2011-06-07T09:00:00"));
        // Monday 6 June → Friday 10 June: 4 working days, late.
        var late = await Host.ALead(Officer, zone: "quang-phu", owner: "officer.pham", openedOn: "2011-06-06");
        await Host.Post(Officer, $"/api/v1/leads/{late.Id}/contacts", LeadRequests.Contact(occurredAtLocal: "2011-06-10T09:00:00"));
        await Host.ALead(Officer, zone: "quang-phu", owner: "officer.pham", openedOn: "2011-06-08"); // never answered: overdue

        var url = "/api/v1/zones/quang-phu/pipeline?openedFrom=2011-06-01&openedTo=2011-06-30";
        var forOfficers = await Host.Get<ZonePipeline>(Officer, url);
        Assert.Equal(new Investment.Domain.Leads.ResponseFigures(2, 3, 2, 1, 1, 0, 0.3333m, 3m), forOfficers.ResponseTime);
        Assert.Equal(["officer.le", "officer.pham"], forOfficers.ResponseByOfficer!.Select(o => o.Officer));
        Assert.Equal(1m, forOfficers.ResponseByOfficer![0].Figures.ShareWithinStandard);
        Assert.Equal(0m, forOfficers.ResponseByOfficer![1].Figures.ShareWithinStandard);

        var forPartners = await Host.Get<ZonePipeline>(Partner, url);
        Assert.Equal(forOfficers.ResponseTime, forPartners.ResponseTime);
        Assert.Null(forPartners.ResponseByOfficer);

        await Host.Settled();
        var report = await Host.Get<ZoneReport>(Officer, "/api/v1/zones/quang-phu/reports/2011/first-half");
        Assert.Equal(forOfficers.ResponseTime, report.Leads.ResponseTime);
        Assert.Equal(["officer.le", "officer.pham"], report.Leads.ResponseByOfficer!.Select(o => o.Officer));
    }
}
