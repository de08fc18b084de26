using System.Text;
using Investment.Api.Certificates;
using Investment.Api.Endpoints;
using Investment.Api.Reports;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Domain.Certificates;

namespace Investment.Api.Tests.Reports;

/// <summary>Realised capital (vốn thực hiện) and jobs from inspections. This class's zone and year: quang-phu, 2009.</summary>
public sealed class RealisedCapitalTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Zone = "quang-phu";

    private static object Usd(string amount) => new { amount, currency = "USD" };

    private async Task<Certificate> Plant()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Quang Phu Textiles"), "KR", ["heavyIndustry"]));
        var issued = await (await Host.Post(Officer, "/api/v1/certificates", new
        {
            number = CertificateRequests.Number(), projectName = "Textile plant", investorIds = new[] { investor.Id }, zone = Zone,
            sector = "heavyIndustry", capital = Usd("100000000"), landAreaHectares = "12", issuedOn = "2009-02-01", durationYears = 50, plannedEmployees = 400,
        })).Read<Certificate>();
        var url = $"/api/v1/certificates/{issued.Id}";
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
        await Host.Settled();
        return issued;
    }

    [Fact]
    public async Task a_certificate_shows_its_realised_capital_and_jobs_to_date_and_as_of_any_date_and_in_the_register()
    {
        var issued = await Plant();
        var url = $"/api/v1/certificates/{issued.Id}";

        var now = await Host.Get<Certificate>(Partner, url);
        var then = await Host.Get<Certificate>(Partner, $"{url}?asOf=2009-07-01");

        Assert.Equal((45_500_000.00m, 0.455m), (now.RealisedUsd, now.RealisationRate));
        Assert.Equal((450, 300, 12), (now.PlannedEmployees, now.LastInspection!.VietnameseEmployees, now.LastInspection.ForeignEmployees));
        Assert.Equal((20_000_000.00m, 0.2m, 400), (then.RealisedUsd, then.RealisationRate, then.PlannedEmployees));
        var listed = (await Host.Get<Page<CertificateSummary>>(Partner, $"/api/v1/certificates?zone={Zone}&issueYear=2009&limit=200")).Items
            .Single(c => c.Id == issued.Id);
        Assert.Equal(45_500_000.00m, listed.RealisedUsd);
        await (await Host.Send(Partner, s => s.Get.Url($"{url}?asOf=2009-02-30"))).ShouldBe(400, "request.invalid_asOf");
    }

    [Fact]
    public async Task progress_reports_and_the_explanation_give_realised_capital_beside_registered_capital_and_jobs()
    {
        var issued = await Plant();

        var progress = await Host.Get<ZoneProgress>(Partner, $"/api/v1/zones/{Zone}/progress/2009");
        var explanation = await Host.Get<ProgressExplanation>(Partner, $"/api/v1/zones/{Zone}/progress/2009/explanation");
        var half = await Host.Get<ZoneReport>(Partner, $"/api/v1/zones/{Zone}/reports/2009/first-half");
        var asKnown = await Host.Get<ProgressExplanation>(Partner, $"/api/v1/zones/{Zone}/progress/2009/explanation?asOf=2009-01-31");

        var lines = explanation.RealisedLines;
        var line = Assert.Single(lines, l => l.CertificateId == issued.Id);
        Assert.Equal((100_000_000.00m, 45_500_000.00m, 45_500_000.00m), (line.RegisteredUsd, line.RealisedUsd, line.RealisedInPeriodUsd));
        Assert.Equal((450, 300, 12), (line.PlannedEmployees, line.VietnameseEmployees, line.ForeignEmployees));

        var realised = progress.Realised;
        var inForce = lines.Where(l => l.InForce).ToList();
        Assert.Equal(inForce.Sum(l => l.RegisteredUsd), realised.RegisteredUsd);
        Assert.Equal(inForce.Sum(l => l.RealisedUsd), realised.RealisedUsd);
        Assert.Equal(lines.Sum(l => l.RealisedInPeriodUsd), realised.RealisedInPeriodUsd);
        Assert.Equal(Math.Round(realised.RealisedUsd / realised.RegisteredUsd, 4), realised.RealisationRate);
        Assert.Equal(inForce.Sum(l => l.VietnameseEmployees ?? 0), progress.Jobs.VietnameseEmployees);
        Assert.Equal(inForce.Sum(l => l.PlannedEmployees ?? 0), progress.Jobs.PlannedEmployees);
        Assert.True(progress.Jobs.PlannedInPeriod >= 450);

        Assert.True(half.Realised.RealisedInPeriodUsd >= 20_000_000m);
        Assert.DoesNotContain(asKnown.RealisedLines, l => l.CertificateId == issued.Id); // not yet issued then
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
