using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;
using Investment.Domain.Investors;

namespace Investment.Api.Tests.Investors;

public sealed class ChangeInvestorProfileTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task changing_with_the_current_etag_saves_and_answers_the_new_etag()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Hoa Phat Steel")));
        var renamed = Unique("Hoa Phat Dung Quat Steel");

        var result = await Host.Put(Officer, $"/api/v1/investors/{investor.Id}", InvestorRequests.Profile(renamed, "VN", ["steelAndMetallurgy"]), ifMatch: "\"1\"");

        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.Equal("\"2\"", result.Header("ETag"));
        var read = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{investor.Id}"));
        var changed = await read.Read<Investor>();
        Assert.Equal(renamed, changed.LegalName);
        Assert.Equal("VN", changed.Country);
        Assert.Equal("\"2\"", read.Header("ETag"));
    }

    [Fact]
    public async Task a_stale_if_match_answers_412_and_changes_nothing()
    {
        var name = Unique("Stale Holdings");
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(name));
        var url = $"/api/v1/investors/{investor.Id}";
        var first = await Host.Put(Officer, url, InvestorRequests.Profile(name + " A"), ifMatch: "\"1\"");
        Assert.Equal(200, first.Context.Response.StatusCode);

        var second = await Host.Put(Officer, url, InvestorRequests.Profile(name + " B"), ifMatch: "\"1\"");

        var problem = await second.ShouldBe(412, "concurrency.stale");
        Assert.Equal(2, problem.CurrentVersion);
        Assert.Equal(name + " A", (await Host.Get<Investor>(Officer, url)).LegalName);
    }

    [Fact]
    public async Task an_if_match_this_api_never_gave_answers_400()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Odd Etag")));
        var result = await Host.Put(Officer, $"/api/v1/investors/{investor.Id}", InvestorRequests.Profile(Unique("Odd Etag")), ifMatch: "\"abc\"");
        await result.ShouldBe(400, "request.invalid_if_match");
    }

    [Fact]
    public async Task changing_an_unknown_investor_answers_404()
    {
        var result = await Host.Put(Officer, $"/api/v1/investors/{Guid.NewGuid()}", InvestorRequests.Profile("Nobody"));
        await result.ShouldBe(404, "investor.not_found");
    }

    [Fact]
    public async Task taking_another_investors_name_answers_409()
    {
        var taken = Unique("Taken Name Industries");
        var owner = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(taken, "SG"));
        var other = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Other Name"), "SG"));

        var result = await Host.Put(Officer, $"/api/v1/investors/{other.Id}", InvestorRequests.Profile(taken.ToUpperInvariant(), "SG"));

        var problem = await result.ShouldBe(409, "investor.duplicate");
        Assert.Equal(owner.Id.ToString(), problem.ExistingInvestorId?.ToString()); // a member of this problem only
    }

    [Fact]
    public async Task sending_the_same_profile_again_records_nothing()
    {
        var name = Unique("Unchanged Corp");
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(name));

        var result = await Host.Put(Officer, $"/api/v1/investors/{investor.Id}", InvestorRequests.Profile(name));

        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.Equal("\"1\"", result.Header("ETag"));
        var history = await Host.Get<Page<HistoryEntry>>(Officer, $"/api/v1/investors/{investor.Id}/history");
        Assert.Single(history.Items);
    }

    [Fact]
    public async Task the_history_shows_every_event_with_who_when_and_what_changed()
    {
        var name = Unique("Audited Petro");
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(name));
        Clock.AdvanceMinutes(90);
        var changedAt = Clock.GetCurrentInstant();
        await Host.Put(Admin, $"/api/v1/investors/{investor.Id}", InvestorRequests.Profile(name, "JP", ["energy"], []));

        var items = (await Host.Get<Page<HistoryEntry>>(Officer, $"/api/v1/investors/{investor.Id}/history")).Items;

        Assert.Equal(2, items.Count);
        var (registered, changed) = (items[0], items[1]);
        Assert.Equal(("investorRegistered", "officer.nguyen"), (registered.Type, registered.RecordedBy));
        Assert.Equal(("investorProfileChanged", "admin.tran", changedAt), (changed.Type, changed.RecordedBy, changed.RecordedAt));
        Assert.Equal(["sectors", "contactPersons"], changed.Event<InvestorProfileChanged>().ChangedFields);
    }

    [Fact]
    public async Task partners_cannot_read_an_investors_history()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Private History")));
        var result = await Host.Send(Partner, s => s.Get.Url($"/api/v1/investors/{investor.Id}/history"));
        await result.ShouldBe(403, "auth.forbidden");
    }

    [Fact]
    public async Task the_history_of_an_unknown_investor_answers_404()
    {
        var result = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{Guid.NewGuid()}/history"));
        await result.ShouldBe(404, "investor.not_found");
    }
}
