using Investment.Api.EventStore;
using Investment.Api.Endpoints;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Api.Tests.Leads;

public sealed class LeadStageTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Url(Lead lead, string action = "") => $"/api/v1/leads/{lead.Id}{action}";

    [Fact]
    public async Task a_lead_moves_forward_and_records_the_stays_in_each_stage()
    {
        var lead = await Host.ALead(Officer, openedOn: "2014-05-01");

        var engaged = await Host.Post(Officer, Url(lead, "/stage"), new { stage = "engaged", on = "2014-05-11" }, ifMatch: "\"1\"");
        var visit = await Host.Post(Officer, Url(lead, "/stage"), new { stage = "siteVisit", on = "2014-06-01" }, ifMatch: "\"2\"");

        Assert.Equal(200, engaged.Context.Response.StatusCode);
        Assert.Equal("\"3\"", visit.Header("ETag"));
        var details = await Host.Get<Lead>(Officer, Url(lead));
        Assert.Equal(LeadStage.SiteVisit, details.Stage);
        var days = details.TimeInStages!.ToDictionary(x => x.Stage, x => x.Days);
        Assert.Equal(new Dictionary<LeadStage, int> { [LeadStage.Prospect] = 10, [LeadStage.Engaged] = 21, [LeadStage.SiteVisit] = 34 }, days);
    }

    [Fact]
    public async Task moving_backwards_needs_a_reason()
    {
        var lead = await Host.ALead(Officer);
        await Host.Post(Officer, Url(lead, "/stage"), new { stage = "commitment" });

        var refused = await Host.Post(Officer, Url(lead, "/stage"), new { stage = "engaged" });
        var accepted = await Host.Post(Officer, Url(lead, "/stage"), new { stage = "engaged", reason = "The MoU was withdrawn by the investor's board." });

        await refused.ShouldBe(409, "lead.reason_required");
        Assert.Equal(LeadStage.Engaged, (await accepted.Read<Lead>()).Stage);
    }

    [Fact]
    public async Task certified_is_refused_until_a_certificate_names_the_lead()
    {
        var lead = await Host.ALead(Officer);
        var result = await Host.Post(Officer, Url(lead, "/stage"), new { stage = "certified" });
        var problem = await result.ShouldBe(409, "lead.certification_needs_certificate");
        Assert.Contains("certificate", problem.Detail);
    }

    [Fact]
    public async Task a_lost_lead_refuses_moves_and_reopens_at_the_stage_it_was_lost_at()
    {
        var lead = await Host.ALead(Officer);
        await Host.Post(Officer, Url(lead, "/stage"), new { stage = "siteVisit" });

        var lost = await Host.Post(Officer, Url(lead, "/lose"), new { reason = "Chose a site in Thailand.", reasonCode = "other" });
        var moved = await Host.Post(Officer, Url(lead, "/stage"), new { stage = "commitment" });
        var lostAgain = await Host.Post(Officer, Url(lead, "/lose"), new { reason = "Again.", reasonCode = "other" });
        var reopened = await Host.Post(Officer, Url(lead, "/reopen"), new { reason = "New incentives." });

        var lostLead = await lost.Read<Lead>();
        Assert.Equal(LeadStage.Lost, lostLead.Stage);
        Assert.Equal(LeadStage.SiteVisit, lostLead.LostAt);
        Assert.Equal("Chose a site in Thailand.", lostLead.LostReason);
        await moved.ShouldBe(409, "lead.lost");
        await lostAgain.ShouldBe(409, "lead.already_lost");
        Assert.Equal(LeadStage.SiteVisit, (await reopened.Read<Lead>()).Stage);
    }

    [Fact]
    public async Task losing_needs_a_reason_and_only_a_lost_lead_reopens()
    {
        var lead = await Host.ALead(Officer);
        await (await Host.Post(Officer, Url(lead, "/lose"), new { reason = "", reasonCode = "other" })).ShouldBe(400, "validation.failed");
        await (await Host.Post(Officer, Url(lead, "/reopen"), new { })).ShouldBe(409, "lead.not_lost");
    }

    [Fact]
    public async Task a_move_dated_before_the_current_stage_began_or_in_the_future_is_refused()
    {
        var lead = await Host.ALead(Officer, openedOn: "2014-06-01");
        await (await Host.Post(Officer, Url(lead, "/stage"), new { stage = "engaged", on = "2014-05-31" })).ShouldBe(409, "lead.date_before_stage");
        await (await Host.Post(Officer, Url(lead, "/stage"), new { stage = "engaged", on = "2014-07-06" })).ShouldBe(409, "date.in_future");
    }

    [Fact]
    public async Task a_stale_if_match_answers_412_and_moves_nothing()
    {
        var lead = await Host.ALead(Officer);
        await Host.Post(Officer, Url(lead, "/stage"), new { stage = "engaged" }, ifMatch: "\"1\"");

        var stale = await Host.Post(Officer, Url(lead, "/stage"), new { stage = "siteVisit" }, ifMatch: "\"1\"");

        await stale.ShouldBe(412, "concurrency.stale");
        Assert.Equal(LeadStage.Engaged, (await Host.Get<Lead>(Officer, Url(lead))).Stage);
    }

    [Fact]
    public async Task a_lead_read_stays_not_modified_during_the_day_and_changes_at_midnight_in_vietnam()
    {
        var lead = await Host.ALead(Officer);
        var first = await Host.Send(Officer, s => s.Get.Url(Url(lead)));
        var etag = first.Header("ETag")!;

        var same = await Host.Send(Officer, s => { s.Get.Url(Url(lead)); s.WithRequestHeader("If-None-Match", etag); });
        var saved = Clock.GetCurrentInstant();
        Clock.Advance(Duration.FromDays(1));
        try
        {
            var tomorrow = await Host.Send(Officer, s => { s.Get.Url(Url(lead)); s.WithRequestHeader("If-None-Match", etag); });
            Assert.Equal(200, tomorrow.Context.Response.StatusCode); // same version, but a day more in prospect
        }
        finally
        {
            Clock.Reset(saved);
        }
        var moved = await Host.Post(Officer, Url(lead, "/stage"), new { stage = "engaged" }, ifMatch: etag); // If-Match still reads the version

        Assert.StartsWith("W/\"1.", etag);
        Assert.Equal(304, same.Context.Response.StatusCode);
        Assert.Equal(200, moved.Context.Response.StatusCode);
    }

    [Fact]
    public async Task commands_on_an_unknown_lead_answer_404()
    {
        var result = await Host.Post(Officer, $"/api/v1/leads/{Guid.NewGuid()}/stage", new { stage = "engaged" });
        await result.ShouldBe(404, "lead.not_found");
        await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/leads/{Guid.NewGuid()}"))).ShouldBe(404, "lead.not_found");
    }

    [Fact]
    public async Task an_unknown_stage_answers_400_naming_the_field()
    {
        var lead = await Host.ALead(Officer);
        var result = await Host.SendRaw(Officer, "POST", Url(lead, "/stage"), """{"stage":"won"}""");
        var problem = await result.ShouldBe(400, "request.malformed_json");
        Assert.Contains("$.stage", problem.Detail);
    }

    [Fact]
    public async Task the_owner_is_reassigned_and_the_estimate_revised_with_a_reason()
    {
        var lead = await Host.ALead(Officer);

        var reassigned = await Host.Post(Officer, Url(lead, "/reassign"), new { owner = "officer.le", reason = "Covers Japan now." });
        var noReason = await Host.Post(Officer, Url(lead, "/estimate"), new { estimatedCapital = LeadRequests.Usd(300_000_000m), reason = " " });
        var revised = await Host.Post(Officer, Url(lead, "/estimate"), new { estimatedCapital = LeadRequests.Usd(300_000_000m), reason = "Second line added." });
        var same = await Host.Post(Officer, Url(lead, "/reassign"), new { owner = "officer.le" });

        Assert.Equal("officer.le", (await reassigned.Read<Lead>()).Owner);
        await noReason.ShouldBe(400, "validation.failed");
        Assert.Equal(300_000_000.00m, (await revised.Read<Lead>()).EstimatedCapitalUsd);
        Assert.Equal("\"3\"", same.Header("ETag")); // nothing recorded for no change
    }

    [Fact]
    public async Task the_history_shows_every_event_with_who_and_when()
    {
        var lead = await Host.ALead(Officer);
        await Host.Post(Admin, Url(lead, "/stage"), new { stage = "engaged" });

        var history = (await Host.Get<Page<HistoryEntry>>(Officer, Url(lead, "/history"))).Items;

        Assert.Equal(["leadOpened", "leadStageChanged"], history.Select(e => e.Type));
        Assert.Equal(["officer.nguyen", "admin.tran"], history.Select(e => e.RecordedBy));
        Assert.Equal(LeadStage.Prospect, history[1].Event<LeadStageChanged>().From);
    }
}
