using System.Text.Json.Nodes;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using NodaTime;

namespace Investment.Api.Tests.Certificates;

/// <summary>
/// A long real-world history (domain.md): the Guang Lian steel certificate, issued in 2006 at USD 556 m, raised to
/// USD 3 bn in 2008 and later USD 4.5 bn (five amendments in nine years); JFE withdrew in September 2014; the project
/// was later revoked. Dates between the public milestones are plausible, not historical; JFE's joining (with the 2008
/// raise) and its withdrawal (a sixth amendment here) are investor changes.
/// </summary>
public sealed class GuangLianTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static object Usd(string amount) => new { amount, currency = "USD" };

    [Fact]
    public async Task the_guang_lian_history_replays_with_details_history_and_watchlist_along_the_way()
    {
        var saved = Clock.GetCurrentInstant();
        Clock.Reset(Instant.FromUtc(2016, 6, 1, 3, 0)); // the story ends after 2014
        try
        {
            await Replay();
        }
        finally
        {
            Clock.Reset(saved);
        }
    }

    private async Task Replay()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Guang Lian Steel (Dung Quat)"), "TW", ["steelAndMetallurgy"]));
        var jfe = (string)(await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("JFE Steel"), "JP", ["steelAndMetallurgy"])))["id"]!;
        var issued = await (await Host.Post(Officer, "/api/v1/certificates", new
        {
            number = CertificateRequests.Number(),
            projectName = "Guang Lian steel mill",
            investorIds = new[] { (string)investor["id"]! },
            zone = "dung-quat",
            sector = "steelAndMetallurgy",
            capital = Usd("556000000"),
            landAreaHectares = "200",
            issuedOn = "2006-11-22",
            durationYears = 50,
            schedule = new[] { CertificateRequests.Milestone("Blast furnace 1", "2009-12-31"), CertificateRequests.Milestone("Full operation", "2011-12-31") },
        })).Json();
        var url = $"/api/v1/certificates/{issued["id"]}";
        async Task<JsonNode> Amend(object body) => await (await Host.Post(Officer, $"{url}/amendments", body)).Json();

        var first = await Amend(new
        {
            on = "2008-05-14", capitalChange = Usd("2444000000"), landAreaHectares = "289.6", reason = "Second furnace: USD 3 bn; JFE joins.",
            investorsJoining = new[] { new { investorId = jfe } },
        });
        Assert.Equal("3000000000.00", (string?)first["capitalUsd"]);
        await Amend(new { on = "2009-09-01", extensionMonths = 12, reason = "Financing delayed by the crisis." });
        await Amend(new { on = "2010-10-05", objectives = "Hot rolling mill added.", reason = "New objectives." });
        var fourth = await Amend(new { on = "2012-03-20", capitalChange = Usd("1500000000"), reason = "Raised to USD 4.5 bn." });
        Assert.Equal("4500000000.00", (string?)fourth["capitalUsd"]);
        var fifth = await Amend(new { on = "2013-04-02", extensionMonths = 12, reason = "Last extension allowed." });
        Assert.Equal(24, (int)fifth["extensionMonthsUsed"]!);
        Assert.Equal("2011-12-31", (string?)fifth["schedule"]![0]!["due"]); // 2009-12-31 + 24 months
        Assert.Equal([1, 2, 3, 4, 5], fifth["amendments"]!.AsArray().Select(a => (int)a!["number"]!));
        var sixth = await Host.Post(Officer, $"{url}/amendments", new { on = "2014-01-10", extensionMonths = 6, reason = "One more?" });
        await sixth.ShouldBeProblem(409, "certificate.extension_limit");
        var withdrawal = await Amend(new { on = "2014-09-15", investorsLeaving = new[] { jfe }, reason = "JFE withdrew." });
        Assert.Equal("left", (string?)withdrawal["amendments"]![5]!["investors"]!["kind"]);
        Assert.Equal([(string?)investor["id"]], withdrawal["investors"]!.AsArray().Select(i => (string?)i!["investorId"]));

        await Host.Post(Officer, $"{url}/inspections", new
        {
            on = "2014-09-30", inspector = "officer.tran", progress = "stalled", disbursedSoFar = Usd("250000000"),
            findings = "JFE withdrew in September 2014; no works on site.",
        });

        // As known in mid-2014: blast furnace 1 was due 2011-12-31 (after 24 months of extension), so it was more than 12 months overdue from 2013-01-01.
        var mid2014 = await Host.Get(Partner, "/api/v1/certificates/watchlist?asOf=2014-07-05&zone=dung-quat");
        var entry = mid2014["entries"]!.AsArray().Single(e => (string?)e!["certificateId"] == (string?)issued["id"])!;
        var rules = entry["reasons"]!.AsArray().Select(r => ((string)r!["rule"]!, (string)r!["crossedOn"]!)).ToList();
        Assert.Contains(("milestoneOverdue", "2013-04-02"), rules); // the day the last month of extension was granted
        Assert.Contains(("noRecentInspection", "2007-05-23"), rules);
        Assert.DoesNotContain(rules, r => r.Item1 == "lastInspectionStalled"); // not yet inspected as of then

        var end2014 = await Host.Get(Partner, "/api/v1/certificates/watchlist?asOf=2014-12-31&zone=dung-quat");
        var endReasons = end2014["entries"]!.AsArray().Single(e => (string?)e!["certificateId"] == (string?)issued["id"])!["reasons"]!.AsArray();
        Assert.Contains(endReasons, r => (string?)r!["rule"] == "lastInspectionStalled");
        Assert.Contains(endReasons, r => (string?)r!["rule"] == "milestoneOverdue" && (string?)r!["crossedOn"] == "2013-04-02"); // the investor change moves no date

        var revoked = await (await Host.Post(Officer, $"{url}/revoke", new
        {
            on = "2016-03-15", ground = "behindScheduleNoExtension", decisionNumber = "215/QĐ-BQL", note = "Abandoned after JFE's withdrawal.",
        })).Json();
        Assert.Equal("revoked", (string?)revoked["status"]);
        Assert.Equal("4500000000.00", (string?)revoked["capitalUsd"]);
        Assert.Equal("556000000.00", (string?)revoked["capitalAsIssuedUsd"]);
        Assert.DoesNotContain((await Host.Get(Partner, "/api/v1/certificates/watchlist?asOf=2016-03-15&zone=dung-quat"))["entries"]!.AsArray(),
            e => (string?)e!["certificateId"] == (string?)issued["id"]);

        var history = (await Host.Get(Officer, $"{url}/history"))["items"]!.AsArray();
        Assert.Equal(["certificateIssued", "certificateAmended", "certificateAmended", "certificateAmended", "certificateAmended", "certificateAmended",
            "certificateAmended", "certificateInspected", "certificateRevoked"], history.Select(e => (string)e!["type"]!));
        var capitalSteps = history.Where(e => e!["data"]!["capitalChange"] is not null).Select(e => (string)e!["data"]!["capitalChange"]!["amount"]!);
        Assert.Equal(["2444000000", "1500000000"], capitalSteps);
    }
}
