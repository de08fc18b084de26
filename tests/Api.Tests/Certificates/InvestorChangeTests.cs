using Investment.Api.Certificates;
using Investment.Api.Endpoints;
using Investment.Api.Reports;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Domain.Certificates;
using Investment.Domain.Reports;

namespace Investment.Api.Tests.Certificates;

/// <summary>Investors join and leave a joint venture; a project is transferred. This class's zone and year: pho-phong, 2008.</summary>
public sealed class InvestorChangeTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Zone = "pho-phong";

    private static object Usd(string amount) => new { amount, currency = "USD" };

    private async Task<Guid> Investor(string name, string country) =>
        (await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique(name), country, ["steelAndMetallurgy"]))).Id;

    [Fact]
    public async Task investors_join_leave_and_take_over_a_project_and_each_movement_of_capital_is_attributed_to_the_investors_of_its_date()
    {
        var (steel, jfe, buyer) = (await Investor("Guang Lian Steel", "TW"), await Investor("JFE Steel", "JP"), await Investor("Hoa Phat", "VN"));
        var issued = await (await Host.Post(Officer, "/api/v1/certificates",
            CertificateRequests.Certificate(steel.ToString(), capital: Usd("556000000"), issuedOn: "2008-01-10", zone: Zone, sector: "steelAndMetallurgy", schedule: []))).Read<Certificate>();
        var url = $"/api/v1/certificates/{issued.Id}";

        var joined = await (await Host.Post(Officer, $"{url}/amendments", new
        {
            on = "2008-05-14", capitalChange = Usd("2444000000"), reason = "JFE joins the joint venture.",
            investorsJoining = new[] { new { investorId = jfe, sharePercent = "20" } },
        })).Read<Certificate>();
        var transferred = await Host.Post(Officer, $"{url}/amendments", new
        {
            on = "2008-09-01", reason = "Project transferred (chuyển nhượng dự án).", investorsLeaving = new[] { steel, jfe },
            investorsJoining = new[] { new { investorId = buyer, sharePercent = (string?)null } },
        });
        await Host.Post(Officer, $"{url}/amendments", new { on = "2008-10-01", capitalChange = Usd("100000000"), reason = "The buyer adds a line." });

        Assert.Equal(["TW", "JP"], joined.Investors.Select(i => i.Country));
        Assert.Equal(20m, joined.Investors.Single(i => i.InvestorId == jfe).SharePercent);
        Assert.Equal(InvestorChangeKind.Joined, joined.Amendments.Single(a => a.Number == 1).Investors!.Kind);
        var now = await transferred.Read<Certificate>();
        var transfer = now.Amendments.Single(a => a.Number == 2);
        Assert.Equal(InvestorChangeKind.Replaced, transfer.Investors!.Kind);
        Assert.Equal(2, transfer.Investors.Left.Count);
        Assert.Equal(["VN"], now.Investors.Select(i => i.Country));
        Assert.Equal(["TW", "JP"], (await Host.Get<Certificate>(Partner, $"{url}?asOf=2008-06-01")).Investors.Select(i => i.Country));
        Assert.Contains((await Host.Get<Page<CertificateSummary>>(Partner, $"/api/v1/certificates?country=VN&zone={Zone}")).Items, c => c.Id == issued.Id);

        await Host.Settled();
        var progress = await Host.Get<ZoneProgress>(Partner, $"/api/v1/zones/{Zone}/progress/2008");
        var countries = progress.ByCountry.ToDictionary(c => c.Country, c => c.AttractedUsd);
        Assert.Equal(3_000_000_000.00m, countries["TW"]); // issued and raised while Guang Lian Steel led it
        Assert.Equal(100_000_000.00m, countries["VN"]); // raised after the transfer
        Assert.Equal(3, progress.Amendments);
        Assert.Equal(1, progress.OtherAmendments); // the transfer moved no capital

        var lines = (await Host.Get<ProgressExplanation>(Partner, $"/api/v1/zones/{Zone}/progress/2008/explanation")).Lines
            .Where(l => l.CertificateId == issued.Id).ToList();
        var attributed = lines.Select(l => string.Join(" + ", l.Investors!.Select(i => Strip(i.Name)))).ToList();
        Assert.Equal(["Guang Lian Steel", "Guang Lian Steel + JFE Steel", "Hoa Phat"], attributed);
        Assert.Equal(["TW", "TW", "VN"], lines.Select(l => l.Country));
        Assert.Equal(0.00m, transfer.CapitalChangeUsd);
        var reported = (await Host.Get<ZoneReport>(Partner, $"/api/v1/zones/{Zone}/reports/2008/year")).Amendments
            .Single(a => a.CertificateId == issued.Id && a.Kind == MovementKind.OtherAmendment);
        Assert.Equal((0.00m, "VN"), (reported.AmountUsd, reported.Country));
    }

    /// <summary>Unique() appends a suffix to each name.</summary>
    private static string Strip(string name) => name[..name.LastIndexOf(' ')];

    [Fact]
    public async Task an_investor_who_is_not_a_party_cannot_leave_and_an_unknown_one_cannot_join()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, issuedOn: "2008-02-01", zone: Zone);
        var url = $"/api/v1/certificates/{certificate.Id}/amendments";
        await (await Host.Post(Officer, url, new { on = "2008-03-01", reason = "x", investorsLeaving = new[] { Guid.NewGuid() } }))
            .ShouldBe(409, "certificate.investor_not_party");
        await (await Host.Post(Officer, url, new { on = "2008-03-01", reason = "x", investorsJoining = new[] { new { investorId = Guid.NewGuid() } } }))
            .ShouldBe(422, "certificate.investor_unknown");
        await (await Host.Post(Officer, url, new
        {
            on = "2008-03-01", reason = "x", investorsJoining = new[] { new { investorId = await Investor("X", "KR"), sharePercent = "101" } },
        })).ShouldBe(400, "validation.failed");
    }
}
