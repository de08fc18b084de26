using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Marten.Events;

namespace Investment.Api.Tests.Reports;

/// <summary>Realised capital (vốn thực hiện) and jobs from inspections. This class's zone and year: quang-phu, 2009.</summary>
public sealed class RealisedCapitalTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Zone = "quang-phu";

    private static object Usd(string amount) => new { amount, currency = "USD" };

    private static decimal Dec(JsonNode? node) => decimal.Parse((string)node!, CultureInfo.InvariantCulture);

    private async Task<JsonNode> Plant()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Quang Phu Textiles"), "KR", ["heavyIndustry"]));
        var issued = await (await Host.Post(Officer, "/api/v1/certificates", new
        {
            number = CertificateRequests.Number(), projectName = "Textile plant", investorIds = new[] { (string)investor["id"]! }, zone = Zone,
            sector = "heavyIndustry", capital = Usd("100000000"), landAreaHectares = "12", issuedOn = "2009-02-01", durationYears = 50, plannedEmployees = 400,
        })).Json();
        var url = $"/api/v1/certificates/{issued["id"]}";
        await Host.Post(Officer, $"{url}/inspections", new
        {
            on = "2009-06-15", inspector = "officer.tran", progress = "onSchedule", disbursedSoFar = Usd("20000000"), findings = "Sheds up.",
            vietnameseEmployees = 150, foreignEmployees = 10,
        });
        await Host.Post(Officer, $"{url}/inspections", new
        {
            on = "2009-11-20", inspector = "officer.tran", progress = "onSchedule", disbursedSoFar = Usd("45500000"), findings = "Looms running.",
            vietnameseEmployees = 300, foreignEmployees = 12,
        });
        await Host.Post(Officer, $"{url}/amendments", new { on = "2009-12-01", plannedEmployees = 450, reason = "Second shift." });
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return issued;
    }

    [Fact]
    public async Task a_certificate_shows_its_realised_capital_and_jobs_to_date_and_as_of_any_date_and_in_the_register()
    {
        var issued = await Plant();
        var url = $"/api/v1/certificates/{issued["id"]}";

        var now = await Host.Get(Partner, url);
        var then = await Host.Get(Partner, $"{url}?asOf=2009-07-01");

        Assert.Equal(("45500000.00", 0.455m), ((string?)now["realisedUsd"], Dec(now["realisationRate"])));
        Assert.Equal((450, 300, 12), ((int)now["plannedEmployees"]!, (int)now["lastInspection"]!["vietnameseEmployees"]!, (int)now["lastInspection"]!["foreignEmployees"]!));
        Assert.Equal(("20000000.00", 0.2m, 400), ((string?)then["realisedUsd"], Dec(then["realisationRate"]), (int)then["plannedEmployees"]!));
        var listed = (await Host.Get(Partner, $"/api/v1/certificates?zone={Zone}&issueYear=2009&limit=200"))["items"]!.AsArray()
            .Single(c => (string?)c!["id"] == (string?)issued["id"])!;
        Assert.Equal("45500000.00", (string?)listed["realisedUsd"]);
        await (await Host.Send(Partner, s => s.Get.Url($"{url}?asOf=2009-02-30"))).ShouldBeProblem(400, "request.invalid_asOf");
    }

    [Fact]
    public async Task progress_reports_and_the_explanation_give_realised_capital_beside_registered_capital_and_jobs()
    {
        var issued = await Plant();

        var progress = await Host.Get(Partner, $"/api/v1/zones/{Zone}/progress/2009");
        var explanation = await Host.Get(Partner, $"/api/v1/zones/{Zone}/progress/2009/explanation");
        var half = await Host.Get(Partner, $"/api/v1/zones/{Zone}/reports/2009/first-half");
        var asKnown = await Host.Get(Partner, $"/api/v1/zones/{Zone}/progress/2009/explanation?asOf=2009-01-31");

        var lines = explanation["realisedLines"]!.AsArray();
        var mine = lines.Where(l => (string?)l!["certificateId"] == (string?)issued["id"]).ToList();
        Assert.Single(mine);
        var line = mine[0]!;
        Assert.Equal(("100000000.00", "45500000.00", "45500000.00"), ((string?)line["registeredUsd"], (string?)line["realisedUsd"], (string?)line["realisedInPeriodUsd"]));
        Assert.Equal((450, 300, 12), ((int)line["plannedEmployees"]!, (int)line["vietnameseEmployees"]!, (int)line["foreignEmployees"]!));

        var realised = progress["realised"]!;
        var inForce = lines.Where(l => (bool)l!["inForce"]!).ToList();
        Assert.Equal(inForce.Sum(l => Dec(l!["registeredUsd"])), Dec(realised["registeredUsd"]));
        Assert.Equal(inForce.Sum(l => Dec(l!["realisedUsd"])), Dec(realised["realisedUsd"]));
        Assert.Equal(lines.Sum(l => Dec(l!["realisedInPeriodUsd"])), Dec(realised["realisedInPeriodUsd"]));
        Assert.Equal(Math.Round(Dec(realised["realisedUsd"]) / Dec(realised["registeredUsd"]), 4), Dec(realised["realisationRate"]));
        Assert.Equal(inForce.Sum(l => (int?)l!["vietnameseEmployees"] ?? 0), (int)progress["jobs"]!["vietnameseEmployees"]!);
        Assert.Equal(inForce.Sum(l => (int?)l!["plannedEmployees"] ?? 0), (int)progress["jobs"]!["plannedEmployees"]!);
        Assert.True((int)progress["jobs"]!["plannedInPeriod"]! >= 450);

        Assert.True(Dec(half["realised"]!["realisedInPeriodUsd"]) >= 20_000_000m);
        Assert.DoesNotContain(asKnown["realisedLines"]!.AsArray(), l => (string?)l!["certificateId"] == (string?)issued["id"]); // not yet issued then
    }

    [Fact]
    public async Task the_csv_report_has_rows_for_realised_capital_and_jobs()
    {
        await Plant();
        var result = await Host.Send(Partner, s =>
        {
            s.Get.Url($"/api/v1/zones/{Zone}/reports/2009/year");
            s.WithRequestHeader("Accept", "text/csv");
        });
        var body = result.Context.Response.Body;
        using var copy = new MemoryStream();
        body.CopyTo(copy);
        var lines = Encoding.UTF8.GetString(copy.ToArray()[3..]).Split("\r\n");

        foreach (var item in new[] { "registeredInForce", "realised", "realisationRate", "realisedInPeriod", "jobsPlanned", "jobsPlannedInPeriod", "employeesVietnamese", "employeesForeign" })
            Assert.Contains(lines, l => l.StartsWith($"summary,{item},", StringComparison.Ordinal));
        Assert.Matches(@"^summary,realised,,,,,,,\d+\.\d{2}$", lines.Single(l => l.StartsWith("summary,realised,", StringComparison.Ordinal)));
    }
}
