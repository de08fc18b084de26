using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Investors;

public sealed class ChangeInvestorProfileTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task changing_with_the_current_etag_saves_and_answers_the_new_etag()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Hoa Phat Steel")));
        var renamed = Unique("Hoa Phat Dung Quat Steel");

        var result = await Host.Send(Officer, s =>
        {
            s.Put.Json(InvestorRequests.Profile(renamed, "VN", ["steelAndMetallurgy"])).ToUrl($"/api/v1/investors/{investor["id"]}");
            s.WithRequestHeader("If-Match", "\"1\"");
        });

        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.Equal("\"2\"", result.Header("ETag"));
        var read = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{investor["id"]}"));
        var changed = await read.Json();
        Assert.Equal(renamed, (string?)changed["legalName"]);
        Assert.Equal("VN", (string?)changed["country"]);
        Assert.Equal("\"2\"", read.Header("ETag"));
    }

    [Fact]
    public async Task a_stale_if_match_answers_412_and_changes_nothing()
    {
        var name = Unique("Stale Holdings");
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(name));
        var url = $"/api/v1/investors/{investor["id"]}";
        var first = await Host.Send(Officer, s => { s.Put.Json(InvestorRequests.Profile(name + " A")).ToUrl(url); s.WithRequestHeader("If-Match", "\"1\""); });
        Assert.Equal(200, first.Context.Response.StatusCode);

        var second = await Host.Send(Officer, s => { s.Put.Json(InvestorRequests.Profile(name + " B")).ToUrl(url); s.WithRequestHeader("If-Match", "\"1\""); });

        var problem = await second.ShouldBeProblem(412, "concurrency.stale");
        Assert.Equal(2, (int)problem["currentVersion"]!);
        Assert.Equal(name + " A", (string?)(await (await Host.Send(Officer, s => s.Get.Url(url))).Json())["legalName"]);
    }

    [Fact]
    public async Task an_if_match_this_api_never_gave_answers_400()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Odd Etag")));
        var result = await Host.Send(Officer, s =>
        {
            s.Put.Json(InvestorRequests.Profile(Unique("Odd Etag"))).ToUrl($"/api/v1/investors/{investor["id"]}");
            s.WithRequestHeader("If-Match", "\"abc\"");
        });
        await result.ShouldBeProblem(400, "request.invalid_if_match");
    }

    [Fact]
    public async Task changing_an_unknown_investor_answers_404()
    {
        var result = await Host.Send(Officer, s => s.Put.Json(InvestorRequests.Profile("Nobody")).ToUrl($"/api/v1/investors/{Guid.NewGuid()}"));
        await result.ShouldBeProblem(404, "investor.not_found");
    }

    [Fact]
    public async Task taking_another_investors_name_answers_409()
    {
        var taken = Unique("Taken Name Industries");
        var owner = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(taken, "SG"));
        var other = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Other Name"), "SG"));

        var result = await Host.Send(Officer, s => s.Put.Json(InvestorRequests.Profile(taken.ToUpperInvariant(), "SG")).ToUrl($"/api/v1/investors/{other["id"]}"));

        var problem = await result.ShouldBeProblem(409, "investor.duplicate");
        Assert.Equal((string?)owner["id"], (string?)problem["existingInvestorId"]);
    }

    [Fact]
    public async Task sending_the_same_profile_again_records_nothing()
    {
        var name = Unique("Unchanged Corp");
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(name));

        var result = await Host.Send(Officer, s => s.Put.Json(InvestorRequests.Profile(name)).ToUrl($"/api/v1/investors/{investor["id"]}"));

        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.Equal("\"1\"", result.Header("ETag"));
        var history = await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{investor["id"]}/history"))).Json();
        Assert.Single(history["items"]!.AsArray());
    }

    [Fact]
    public async Task the_history_shows_every_event_with_who_when_and_what_changed()
    {
        var name = Unique("Audited Petro");
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(name));
        Clock.AdvanceMinutes(90);
        var changedAt = Clock.GetCurrentInstant();
        await Host.Send(Admin, s => s.Put.Json(InvestorRequests.Profile(name, "JP", ["energy"], [])).ToUrl($"/api/v1/investors/{investor["id"]}"));

        var result = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{investor["id"]}/history"));

        var items = (await result.Json())["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("investorRegistered", (string?)items[0]!["type"]);
        Assert.Equal("officer.nguyen", (string?)items[0]!["recordedBy"]);
        Assert.Equal("investorProfileChanged", (string?)items[1]!["type"]);
        Assert.Equal("admin.tran", (string?)items[1]!["recordedBy"]);
        Assert.Equal(changedAt.ToString(), (string?)items[1]!["recordedAt"]);
        Assert.Equal(["sectors", "contactPersons"], items[1]!["data"]!["changedFields"]!.AsArray().Select(x => (string)x!));
    }

    [Fact]
    public async Task partners_cannot_read_an_investors_history()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Private History")));
        var result = await Host.Send(Partner, s => s.Get.Url($"/api/v1/investors/{investor["id"]}/history"));
        await result.ShouldBeProblem(403, "auth.forbidden");
    }

    [Fact]
    public async Task the_history_of_an_unknown_investor_answers_404()
    {
        var result = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{Guid.NewGuid()}/history"));
        await result.ShouldBeProblem(404, "investor.not_found");
    }
}
