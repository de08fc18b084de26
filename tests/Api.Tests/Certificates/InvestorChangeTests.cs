using System.Text.Json.Nodes;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Marten.Events;

namespace Investment.Api.Tests.Certificates;

/// <summary>Investors join and leave a joint venture; a project is transferred. This class's zone and year: pho-phong, 2008.</summary>
public sealed class InvestorChangeTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Zone = "pho-phong";

    private static object Usd(string amount) => new { amount, currency = "USD" };

    private async Task<string> Investor(string name, string country) =>
        (string)(await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique(name), country, ["steelAndMetallurgy"])))["id"]!;

    [Fact]
    public async Task investors_join_leave_and_take_over_a_project_and_each_movement_of_capital_is_attributed_to_the_investors_of_its_date()
    {
        var (steel, jfe, buyer) = (await Investor("Guang Lian Steel", "TW"), await Investor("JFE Steel", "JP"), await Investor("Hoa Phat", "VN"));
        var issued = await (await Host.Post(Officer, "/api/v1/certificates",
            CertificateRequests.Certificate(steel, capital: Usd("556000000"), issuedOn: "2008-01-10", zone: Zone, sector: "steelAndMetallurgy", schedule: []))).Json();
        var url = $"/api/v1/certificates/{issued["id"]}";

        var joined = await (await Host.Post(Officer, $"{url}/amendments", new
        {
            on = "2008-05-14", capitalChange = Usd("2444000000"), reason = "JFE joins the joint venture.",
            investorsJoining = new[] { new { investorId = jfe, sharePercent = "20" } },
        })).Json();
        var transferred = await Host.Post(Officer, $"{url}/amendments", new
        {
            on = "2008-09-01", reason = "Project transferred (chuyển nhượng dự án).", investorsLeaving = new[] { steel, jfe },
            investorsJoining = new[] { new { investorId = buyer, sharePercent = (string?)null } },
        });
        await Host.Post(Officer, $"{url}/amendments", new { on = "2008-10-01", capitalChange = Usd("100000000"), reason = "The buyer adds a line." });

        Assert.Equal(["TW", "JP"], joined["investors"]!.AsArray().Select(i => (string)i!["country"]!));
        Assert.Equal("20", (string?)joined["investors"]![1]!["sharePercent"]);
        Assert.Equal("joined", (string?)joined["amendments"]![0]!["investors"]!["kind"]);
        var now = await transferred.Json();
        Assert.Equal("replaced", (string?)now["amendments"]![1]!["investors"]!["kind"]);
        Assert.Equal(2, now["amendments"]![1]!["investors"]!["left"]!.AsArray().Count);
        Assert.Equal(["VN"], now["investors"]!.AsArray().Select(i => (string)i!["country"]!));
        Assert.Equal(["TW", "JP"], (await Host.Get(Partner, $"{url}?asOf=2008-06-01"))["investors"]!.AsArray().Select(i => (string)i!["country"]!));
        Assert.Contains((await Host.Get(Partner, $"/api/v1/certificates?country=VN&zone={Zone}"))["items"]!.AsArray(), c => (string?)c!["id"] == (string?)issued["id"]);

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var progress = await Host.Get(Partner, $"/api/v1/zones/{Zone}/progress/2008");
        var countries = progress["byCountry"]!.AsArray().ToDictionary(c => (string)c!["country"]!, c => (string?)c!["attractedUsd"]);
        Assert.Equal("3000000000.00", countries["TW"]); // issued and raised while Guang Lian Steel led it
        Assert.Equal("100000000.00", countries["VN"]); // raised after the transfer
        Assert.Equal(3, (int)progress["amendments"]!);
        Assert.Equal(1, (int)progress["otherAmendments"]!); // the transfer moved no capital

        var lines = (await Host.Get(Partner, $"/api/v1/zones/{Zone}/progress/2008/explanation"))["lines"]!.AsArray()
            .Where(l => (string?)l!["certificateId"] == (string?)issued["id"]).ToList();
        var attributed = lines.Select(l => string.Join(" + ", l!["investors"]!.AsArray().Select(i => Strip((string)i!["name"]!)))).ToList();
        Assert.Equal(["Guang Lian Steel", "Guang Lian Steel + JFE Steel", "Hoa Phat"], attributed);
        Assert.Equal(["TW", "TW", "VN"], lines.Select(l => (string)l!["country"]!));
        Assert.Equal("0.00", (string?)now["amendments"]![1]!["capitalChangeUsd"]);
        var transfer = (await Host.Get(Partner, $"/api/v1/zones/{Zone}/reports/2008/year"))["amendments"]!.AsArray()
            .Single(a => (string?)a!["certificateId"] == (string?)issued["id"] && (string?)a!["kind"] == "otherAmendment")!;
        Assert.Equal(("0.00", "VN"), ((string?)transfer["amountUsd"], (string?)transfer["country"]));
    }

    /// <summary>Unique() appends a suffix to each name.</summary>
    private static string Strip(string name) => name[..name.LastIndexOf(' ')];

    [Fact]
    public async Task an_investor_who_is_not_a_party_cannot_leave_and_an_unknown_one_cannot_join()
    {
        var certificate = await Host.IssuedCertificate(Officer, issuedOn: "2008-02-01", zone: Zone);
        var url = $"/api/v1/certificates/{certificate["id"]}/amendments";
        await (await Host.Post(Officer, url, new { on = "2008-03-01", reason = "x", investorsLeaving = new[] { Guid.NewGuid() } }))
            .ShouldBeProblem(409, "certificate.investor_not_party");
        await (await Host.Post(Officer, url, new { on = "2008-03-01", reason = "x", investorsJoining = new[] { new { investorId = Guid.NewGuid() } } }))
            .ShouldBeProblem(422, "certificate.investor_unknown");
        await (await Host.Post(Officer, url, new
        {
            on = "2008-03-01", reason = "x", investorsJoining = new[] { new { investorId = await Investor("X", "KR"), sharePercent = "101" } },
        })).ShouldBeProblem(400, "validation.failed");
    }
}
