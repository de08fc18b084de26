using System.Text.Json.Nodes;
using Investment.Api.Reports;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Domain.Certificates;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Api.Tests.Reports;

/// <summary>Each test has a zone and year no other test issues certificates in.</summary>
public sealed class ProgressTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static object Usd(string amount) => new { amount, currency = "USD" };

    private async Task<Certificate> Issue(string country, string sector, string capital, string issuedOn, string zone)
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Progress investor"), country));
        var result = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString(), capital: Usd(capital),
            issuedOn: issuedOn, zone: zone, sector: sector, schedule: []));
        Assert.Equal(201, result.Context.Response.StatusCode);
        return await result.Read<Certificate>();
    }

    [Fact]
    public async Task attracted_capital_is_new_plus_added_minus_reduced_by_business_date_with_revocations_beside_it()
    {
        const string zone = "quang-phu";
        var a = await Issue("JP", "energy", "100000000.10", "2012-02-01", zone);
        var b = await Issue("KR", "heavyIndustry", "50000000", "2012-05-01", zone);
        var old = await Issue("JP", "energy", "70000000", "2011-12-31", zone); // issued the year before
        await Host.Post(Officer, $"/api/v1/certificates/{a.Id}/amendments", new { on = "2012-03-01", capitalChange = Usd("25000000"), reason = "More." });
        await Host.Post(Officer, $"/api/v1/certificates/{b.Id}/amendments", new { on = "2012-06-01", capitalChange = Usd("-5000000.05"), reason = "Less." });
        await Host.Post(Officer, $"/api/v1/certificates/{old.Id}/amendments", new { on = "2012-07-01", capitalChange = Usd("1000000"), reason = "Added in 2012." });
        await Host.Post(Officer, $"/api/v1/certificates/{b.Id}/amendments", new { on = "2012-08-01", landAreaHectares = "30", reason = "Land only." });
        await Host.Post(Officer, $"/api/v1/certificates/{b.Id}/revoke", new { on = "2012-09-01", ground = "investorDecision", decisionNumber = "1" });
        await Host.Settled();

        var answer = await Host.Send(Partner, s => s.Get.Url($"/api/v1/zones/{zone}/progress/2012"));
        var progress = await answer.Read<ZoneProgress>();
        var explanation = await Host.Get<ProgressExplanation>(Partner, $"/api/v1/zones/{zone}/progress/2012/explanation");

        Assert.Equal("vn-2014-new-plus-additional", progress.Rule.Code);
        Assert.Equal(171_000_000.05m, progress.AttractedUsd); // 100.1 + 50 + 25 - 5.00000005 + 1 (million)
        Assert.Equal(2, progress.NewCertificates);
        Assert.Equal(150_000_000.10m, progress.NewCapitalUsd);
        Assert.Equal(4, progress.Amendments);
        Assert.Equal((2, 26_000_000.00m), (progress.CapitalIncreaseAmendments, progress.CapitalAddedUsd));
        Assert.Equal((1, 5_000_000.05m), (progress.CapitalReductionAmendments, progress.CapitalReducedUsd)); // positive, named as reduced
        Assert.Equal(1, progress.OtherAmendments); // the land-only amendment is not a capital amendment
        Assert.Equal("171000000.05", (string?)JsonNode.Parse(await answer.ReadAsTextAsync())!["attractedUsd"]); // raw JSON on purpose: two decimals on the wire
        Assert.Equal(progress.AttractedUsd, progress.NewCapitalUsd + progress.CapitalAddedUsd - progress.CapitalReducedUsd);
        Assert.Equal(1, progress.Revocations);
        Assert.Equal(44_999_999.95m, progress.RevokedCapitalUsd);
        Assert.Equal(progress.AttractedUsd, explanation.Lines.Sum(l => l.AmountUsd));
        Assert.Equal(5, explanation.Lines.Count);
        var countries = progress.ByCountry.ToDictionary(c => c.Country, c => c.AttractedUsd);
        Assert.Equal(new Dictionary<string, decimal> { ["JP"] = 126_000_000.10m, ["KR"] = 44_999_999.95m }, countries);
        Assert.Equal(progress.AttractedUsd, progress.BySector.Sum(s => s.AttractedUsd));
    }

    [Fact]
    public async Task the_status_says_where_the_zone_stands_how_far_the_year_is_and_what_is_still_needed()
    {
        const string zone = "pho-phong"; // 2014: the clock's year
        await Host.Put(Admin, $"/api/v1/zones/{zone}/targets/2014", new { minimumUsd = "100000000", maximumUsd = "150000000", decision = "Test/QĐ", decidedOn = "2014-01-08" });
        await Issue("SG", "energy", "40000000", "2014-03-01", zone);
        await Issue("SG", "energy", "20000000", "2014-06-30", zone);
        await Host.Settled();

        var progress = await Host.Get<ZoneProgress>(Partner, $"/api/v1/zones/{zone}/progress/2014");

        var status = progress.Status;
        Assert.Equal(TargetPosition.Below, status.Position);
        Assert.Equal(0.5096m, status.YearElapsed); // 5 July is day 186 of 365
        Assert.True(status.OnPace); // 60 m >= 100 m x 0.5096
        Assert.Equal(117_741_935.48m, status.ForecastUsd); // 60 m x 365 / 186
        Assert.Equal(40_000_000m, status.StillNeededUsd);
        Assert.Equal("Test/QĐ", progress.Target!.Decision);
        Assert.Equal(new LocalDate(2014, 7, 5), progress.Today);

        // The answer "as known now" is kept between reads; a revised target or a new certificate shows at once.
        await Host.Put(Admin, $"/api/v1/zones/{zone}/targets/2014", new { minimumUsd = "50000000", maximumUsd = "150000000", decision = "Test/QĐ-2", decidedOn = "2014-07-01" });
        var revised = await Host.Get<ZoneProgress>(Partner, $"/api/v1/zones/{zone}/progress/2014");
        Assert.Equal((TargetPosition.Within, "Test/QĐ-2"), (revised.Status.Position, revised.Target!.Decision));
        await Issue("SG", "energy", "1000000", "2014-07-01", zone);
        await Host.Settled();
        Assert.Equal(61_000_000m, (await Host.Get<ZoneProgress>(Partner, $"/api/v1/zones/{zone}/progress/2014")).AttractedUsd);
    }

    [Fact]
    public async Task a_certificate_recorded_late_changes_the_figures_now_but_not_as_known_before_it_was_recorded()
    {
        const string zone = "tinh-phong";
        var saved = Clock.GetCurrentInstant();
        try
        {
            Clock.Reset(Instant.FromUtc(2005, 6, 20, 3, 0));
            await Issue("TW", "energy", "10000000", "2005-06-20", zone); // recorded on time
            Clock.Reset(Instant.FromUtc(2005, 8, 10, 3, 0));
            await Issue("TW", "energy", "5000000", "2005-06-10", zone); // issued in June, recorded in August
        }
        finally
        {
            Clock.Reset(saved);
        }
        await Host.Settled();

        var now = await Host.Get<ZoneReport>(Partner, $"/api/v1/zones/{zone}/reports/2005/first-half");
        var then = await Host.Get<ZoneReport>(Partner, $"/api/v1/zones/{zone}/reports/2005/first-half?asOf=2005-07-05");
        var progressThen = await Host.Get<ZoneProgress>(Partner, $"/api/v1/zones/{zone}/progress/2005?asOf=2005-07-05");

        Assert.Equal(15_000_000m, now.AttractedUsd);
        Assert.Equal(10_000_000m, then.AttractedUsd);
        Assert.Equal(new LocalDate(2005, 7, 5), then.AsOf);
        Assert.Equal(10_000_000m, progressThen.AttractedUsd);
        Assert.Single(then.NewCertificates);
    }

    [Theory]
    [InlineData("/api/v1/zones/hai-phong/progress/2014", 404, "zone.not_found")]
    [InlineData("/api/v1/zones/dung-quat/progress/1999", 400, "request.invalid_year")]
    [InlineData("/api/v1/zones/dung-quat/progress/2014?asOf=2014-02-30", 400, "request.invalid_asOf")]
    [InlineData("/api/v1/zones/dung-quat/reports/2014/q3", 400, "request.invalid_period")]
    public async Task bad_progress_and_report_requests_are_refused(string url, int status, string code) =>
        await (await Host.Send(Partner, s => s.Get.Url(url))).ShouldBe(status, code);
}
