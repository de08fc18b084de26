using Investment.Api.Leads;
using Investment.Api.Reports;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Api.Tests.Leads;

/// <summary>
/// Issue 14 §2.4: the zone's own service standard. This class's zone and period: dung-quat, leads opened in the first
/// half of 2012 (no other test opens Dung Quat's leads then).
/// </summary>
public sealed class ServiceStandardTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Url = "/api/v1/zones/dung-quat/service-standard";
    private const string Pipeline = "/api/v1/zones/dung-quat/pipeline?openedFrom=2012-02-01&openedTo=2012-02-29";
    private const string Report = "/api/v1/zones/dung-quat/reports/2012/first-half";

    [Fact]
    public async Task a_standard_of_one_day_makes_an_answer_in_two_working_days_late_from_when_it_is_recorded()
    {
        var saved = Clock.GetCurrentInstant();
        try
        {
            Clock.Reset(Instant.FromUtc(2012, 2, 10, 3, 0));
            var defaults = await Host.Send(Partner, s => s.Get.Url(Url));
            var etag = defaults.Header("ETag")!;
            var standard = await defaults.Read<ZoneServiceStandard>();
            Assert.Equal((2, true), (standard.WorkingDays, standard.IsDefault));

            // Monday 6 February → Wednesday 8 February: 2 working days, within the default standard.
            var lead = await Host.ALead(Officer, zone: "dung-quat", owner: "officer.le", openedOn: "2012-02-06");
            await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact(occurredAtLocal: "2012-02-08T09:00:00"));
            var before = (await Host.Get<ZonePipeline>(Officer, Pipeline)).ResponseTime;
            Assert.Equal((2, 1, 1), (before.StandardWorkingDays, before.Answered, before.AnsweredWithinStandard));

            await (await Host.Put(Officer, Url, new { workingDays = 1 }, ifMatch: etag)).ShouldBe(403, "auth.forbidden");
            await (await Host.Put(Admin, Url, new { workingDays = 0 }, ifMatch: etag)).ShouldBe(400, "validation.failed");
            await (await Host.Put(Admin, Url, new { workingDays = 31 }, ifMatch: etag)).ShouldBe(400, "validation.failed");

            Clock.Reset(Instant.FromUtc(2012, 3, 1, 3, 0));
            var set = await Host.Put(Admin, Url, new { workingDays = 1, reason = "Charter: one working day." }, ifMatch: etag);
            Assert.Equal(200, set.Context.Response.StatusCode);
            var changed = set.Header("ETag")!;
            Assert.NotEqual(etag, changed);
            Assert.Equal(1, (await set.Read<ZoneServiceStandard>()).WorkingDays);
            await (await Host.Put(Admin, Url, new { workingDays = 3 }, ifMatch: etag)).ShouldBe(412, "concurrency.stale");
            // One settings stream per zone: the stage probabilities answer the same version.
            Assert.Equal(changed, (await Host.Send(Partner, s => s.Get.Url("/api/v1/zones/dung-quat/stage-probabilities"))).Header("ETag"));

            Clock.Reset(Instant.FromUtc(2012, 3, 2, 3, 0));
            var after = (await Host.Get<ZonePipeline>(Partner, Pipeline)).ResponseTime;
            Assert.Equal((1, 1, 0, 0m), (after.StandardWorkingDays, after.Answered, after.AnsweredWithinStandard, after.ShareWithinStandard));

            await Host.Settled();
            var now = (await Host.Get<ZoneReport>(Officer, Report)).Leads.ResponseTime!;
            Assert.Equal((1, 1, 0), (now.StandardWorkingDays, now.Answered, now.AnsweredWithinStandard));
            var asKnown = (await Host.Get<ZoneReport>(Officer, $"{Report}?asOf=2012-02-29")).Leads.ResponseTime!;
            Assert.Equal((2, 1, 1), (asKnown.StandardWorkingDays, asKnown.Answered, asKnown.AnsweredWithinStandard)); // the standard known then

            var read = await Host.Get<ZoneServiceStandard>(Partner, Url);
            Assert.Equal((1, false, 1), (read.WorkingDays, read.IsDefault, read.Versions.Count));
            Assert.Null(read.Versions[0].RecordedBy);
            Assert.Equal("Charter: one working day.", read.Versions[0].Reason);
            Assert.Equal("admin.tran", (await Host.Get<ZoneServiceStandard>(Admin, Url)).Versions[0].RecordedBy);
        }
        finally
        {
            Clock.Reset(saved);
        }
    }
}
