using System.Diagnostics;
using Investment.Api.Leads;
using Investment.Api.Reports;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;

namespace Investment.Api.Tests.Reports;

/// <summary>Issue 14 §3: reads computed from asynchronous projections say how fresh they are, and can wait for a write.</summary>
public sealed class FreshnessTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Reads =
    [
        "/api/v1/zones/dung-quat/progress/2014",
        "/api/v1/zones/dung-quat/progress/2014/explanation",
        "/api/v1/zones/dung-quat/reports/2014/year",
        "/api/v1/zones/dung-quat/pipeline",
    ];

    public static TheoryData<string> AsynchronousReads => new(Reads);

    [Theory]
    [MemberData(nameof(AsynchronousReads))]
    public async Task every_asynchronous_read_says_the_event_position_it_is_current_to(string url)
    {
        var result = await Host.Send(Partner, s => s.Get.Url(url));
        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.True(long.Parse(result.Header("Current-To-Position")!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
        Assert.Equal("false", result.Header("Stale"));
        var body = await result.Json();
        Assert.False(body["freshness"]!["stale"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(AsynchronousReads))]
    public async Task a_position_no_write_has_reached_answers_at_once_marked_stale(string url)
    {
        var watch = Stopwatch.StartNew();
        var result = await Host.Send(Partner, s => s.Get.Url(url + (url.Contains('?') ? "&" : "?") + "minPosition=9000000000000"));
        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal("true", result.Header("Stale"));
        var body = await result.Json();
        Assert.True(body["freshness"]!["stale"]!.GetValue<bool>());
        Assert.Equal(9000000000000, body["freshness"]!["requestedPosition"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task a_position_that_is_not_a_whole_number_answers_400(string position)
    {
        foreach (var url in Reads)
            await (await Host.Send(Partner, s => s.Get.Url($"{url}?minPosition={position}"))).ShouldBe(400, "request.invalid_minPosition");
    }

    [Fact]
    public async Task a_write_answers_its_position_and_a_read_given_it_counts_the_write()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Freshness holder")));
        var issued = await Host.Post(Officer, "/api/v1/certificates",
            CertificateRequests.Certificate(investor.Id.ToString(), capital: LeadRequests.Usd(1_234.56m), issuedOn: "2003-03-03", zone: "pho-phong", schedule: []));
        Assert.Equal(201, issued.Context.Response.StatusCode);
        var position = issued.Header("Event-Position");
        Assert.NotNull(position);

        // No Settled(): the read itself waits for the projection to reach the write.
        var progress = await Host.Get<ZoneProgress>(Partner, $"/api/v1/zones/pho-phong/progress/2003?minPosition={position}");
        Assert.False(progress.Freshness!.Stale);
        Assert.Equal(1_234.56m, progress.AttractedUsd);
    }
    /// <summary>
    /// The reports' lead facts are folded from the leads' events in the API's copy of the zone (issue 18): once the copy is
    /// loaded, a contact logged on a lead it holds, a lead opened after it and a contact withdrawn are each counted by the
    /// next report given the write's position, without waiting for anything else.
    /// </summary>
    [Fact]
    public async Task a_report_given_a_contacts_position_counts_it_after_the_zone_was_loaded()
    {
        const string report = "/api/v1/zones/pho-phong/reports/2006/year";
        var investor = (await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Freshness lead")))).Id.ToString();
        var first = await (await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(investor, "pho-phong", openedOn: "2006-02-01"))).Read<Domain.Leads.Lead>();
        await Host.Settled();
        async Task<ZoneReport> After(Alba.IScenarioResult write) =>
            await Host.Get<ZoneReport>(Partner, $"{report}?minPosition={write.Header("Event-Position")}");
        var before = await Host.Get<ZoneReport>(Partner, report);

        var contact = await Host.Post(Officer, $"/api/v1/leads/{first.Id}/contacts", LeadRequests.Contact("Kick-off.", occurredAtLocal: "2006-02-02T10:00:00"));
        Assert.Equal(before.Leads.ContactsLogged + 1, (await After(contact)).Leads.ContactsLogged);

        var second = await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(investor, "pho-phong", openedOn: "2006-03-01"));
        var secondLead = await second.Read<Domain.Leads.Lead>();
        Assert.Equal(before.Leads.Opened + 1, (await After(second)).Leads.Opened);
        var secondContact = await Host.Post(Officer, $"/api/v1/leads/{secondLead.Id}/contacts", LeadRequests.Contact("Site visit.", occurredAtLocal: "2006-03-02T10:00:00"));
        Assert.Equal(before.Leads.ContactsLogged + 2, (await After(secondContact)).Leads.ContactsLogged);

        var logged = await contact.Read<LoggedContact>();
        var withdrawn = await Host.Post(Officer, $"/api/v1/leads/{first.Id}/contacts/{logged.Id}/withdraw", new { reason = "Wrong lead." });
        var after = await After(withdrawn);
        Assert.False(after.Freshness!.Stale);
        Assert.Equal(before.Leads.ContactsLogged + 1, after.Leads.ContactsLogged);
    }
}
