using Investment.Api.Endpoints;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Domain.Common;
using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Api.Tests.Leads;

public sealed class OpenLeadTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task opening_a_lead_answers_201_with_location_etag_and_the_lead_at_prospect()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Lead Opener"), "KR"));

        var result = await Host.Post(Officer, "/api/v1/leads",
            LeadRequests.Lead(investor.Id.ToString(), "vsip-quang-ngai", "Supporting industries plant", "supportingIndustries", openedOn: "2014-06-02"));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var lead = await result.Read<Lead>();
        Assert.Equal($"/api/v1/leads/{lead.Id}", result.Header("Location"));
        Assert.Equal("\"1\"", result.Header("ETag"));
        Assert.Equal(LeadStage.Prospect, lead.Stage);
        Assert.Equal("vsip-quang-ngai", lead.ZoneCode);
        Assert.Equal("KR", lead.InvestorCountry);
        Assert.Equal("officer.nguyen", lead.Owner);
        Assert.Equal(150_000_000.00m, lead.EstimatedCapitalUsd);
        Assert.Equal(new LocalDate(2014, 6, 2), lead.OpenedOn);
        var prospect = Assert.Single(lead.TimeInStages!);
        Assert.Equal(33, prospect.Days); // 2 June to 5 July
    }

    [Fact]
    public async Task a_vnd_estimate_keeps_its_rate_and_is_expressed_in_usd_to_the_cent()
    {
        var estimate = new { amount = "3150000000000", currency = "VND", exchangeRate = "21036", rateDate = "2014-03-03" };

        var lead = await Host.ALead(Officer, estimate: estimate);

        Assert.Equal(Currency.VND, lead.EstimatedCapital.Currency);
        Assert.Equal(3_150_000_000_000m, lead.EstimatedCapital.Amount);
        Assert.Equal(21_036m, lead.EstimatedCapital.ExchangeRate);
        Assert.Equal(149_743_297.20m, lead.EstimatedCapitalUsd);
    }

    [Theory]
    [InlineData("""{"amount":"3150000000000","currency":"VND"}""")]
    [InlineData("""{"amount":"100","currency":"USD","exchangeRate":"21036"}""")]
    [InlineData("""{"amount":"-5","currency":"USD"}""")]
    [InlineData("""{"amount":"1.005","currency":"USD"}""")]
    public async Task an_estimate_that_is_not_exact_money_answers_400(string estimate)
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Bad Money")));
        var body = $$"""{"investorId":"{{investor.Id}}","zone":"dung-quat","projectName":"P","sector":"energy","estimatedCapital":{{estimate}},"source":"walkIn"}""";

        var result = await Host.SendRaw(Officer, "POST", "/api/v1/leads", body);

        var problem = await result.ShouldBe(400, "validation.failed");
        Assert.Contains("estimatedCapital", problem.Errors!.Keys);
    }

    [Fact]
    public async Task a_lead_for_an_unregistered_investor_is_refused_with_422_naming_it()
    {
        var result = await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(Guid.NewGuid().ToString()));
        var problem = await result.ShouldBe(422, "lead.investor_unknown");
        Assert.Contains("investorId", problem.Detail);
    }

    [Fact]
    public async Task a_lead_in_an_unknown_zone_is_refused_with_422_naming_it()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Zone Seeker")));
        var result = await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(investor.Id.ToString(), "hai-phong"));
        var problem = await result.ShouldBe(422, "lead.zone_unknown");
        Assert.Contains("hai-phong", problem.Detail);
    }

    [Fact]
    public async Task a_lead_opened_in_the_future_is_refused()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Time Traveller")));
        var result = await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(investor.Id.ToString(), openedOn: "2014-07-06"));
        await result.ShouldBe(409, "date.in_future");
    }

    [Fact]
    public async Task retrying_an_open_with_the_same_idempotency_key_opens_one_lead()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Retrying Investor")));
        var body = LeadRequests.Lead(investor.Id.ToString());
        var key = Guid.NewGuid().ToString();

        var first = await Host.Post(Officer, "/api/v1/leads", body, key: key);
        var again = await Host.Post(Officer, "/api/v1/leads", body, key: key);

        Assert.Equal(201, again.Context.Response.StatusCode);
        Assert.Equal(first.Header("Location"), again.Header("Location"));
        var leads = await Host.Get<Page<Lead>>(Officer, $"/api/v1/leads?limit=200&country=JP");
        Assert.Single(leads.Items, l => l.InvestorId == investor.Id);
    }

    [Fact]
    public async Task partners_cannot_open_or_read_leads()
    {
        var lead = await Host.ALead(Officer);
        await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/leads/{lead.Id}"))).ShouldBe(403, "auth.forbidden");
        await (await Host.Send(Partner, s => s.Get.Url("/api/v1/leads"))).ShouldBe(403, "auth.forbidden");
    }
}
