using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Certificates;
using NodaTime;

namespace Investment.Api.Tests.Certificates;

public sealed class CertificateLifecycleTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Url(Certificate certificate, string action = "") => $"/api/v1/certificates/{certificate.Id}{action}";

    private static object Usd(string amount) => new { amount, currency = "USD" };

    [Fact]
    public async Task amendments_are_numbered_in_order_and_keep_capital_now_and_as_issued_to_the_cent()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, capital: Usd("556000000.01"));

        var up = await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-08-01", capitalChange = Usd("2444000000.00"), reason = "Second furnace." }, "\"1\"");
        var down = await Host.Post(Officer, Url(certificate, "/amendments"),
            new { on = "2013-09-01", capitalChange = new { amount = "-21036000000", currency = "VND", exchangeRate = "21036", rateDate = "2013-09-01" },
                landAreaHectares = "30.5", reason = "Smaller port." }, "\"2\"");

        Assert.Equal(3000000000.01m, (await up.Read<Certificate>()).CapitalUsd);
        var amended = await down.Read<Certificate>();
        Assert.Equal(2999000000.01m, amended.CapitalUsd);
        Assert.Equal(556000000.01m, amended.CapitalAsIssuedUsd);
        Assert.Equal(30.5m, amended.LandAreaHectares);
        Assert.Equal([1, 2], amended.Amendments.Select(a => a.Number));
        Assert.Equal(-1000000.00m, amended.Amendments.Single(a => a.Number == 2).CapitalChangeUsd);
        Assert.Equal("\"3\"", down.Header("ETag"));
    }

    [Fact]
    public async Task the_capital_never_goes_below_zero()
    {
        var certificate = await Host.AnIssuedCertificate(Officer, capital: Usd("100.00"));
        var result = await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-08-01", capitalChange = Usd("-100.01"), reason = "x" });
        await result.ShouldBe(409, "certificate.capital_below_zero");
    }

    [Fact]
    public async Task extensions_add_up_to_24_months_and_more_is_refused_with_the_legal_reason()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var first = await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-08-01", extensionMonths = 18, reason = "Flood." });
        var second = await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-09-01", extensionMonths = 7, reason = "More flood." });

        var extended = await first.Read<Certificate>();
        Assert.Equal(18, extended.ExtensionMonthsUsed);
        var operation = extended.Schedule.Single(m => m.Name == "Operation");
        Assert.Equal(new LocalDate(2016, 12, 30), operation.Due);
        Assert.Equal(new LocalDate(2015, 6, 30), operation.RegisteredDue);
        var problem = await second.ShouldBe(409, "certificate.extension_limit");
        Assert.Contains("24 months", problem.Detail);
        Assert.Contains("Law on Investment", problem.Detail);
    }

    [Fact]
    public async Task amendments_are_refused_when_empty_out_of_order_before_the_issue_or_in_the_future()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-09-01", objectives = "Add a repair yard.", reason = "x" });

        await (await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-09-02", reason = "nothing" })).ShouldBe(400, "validation.failed");
        await (await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-08-31", objectives = "y", reason = "x" }))
            .ShouldBe(409, "certificate.amendment_out_of_order");
        await (await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-06-19", objectives = "y", reason = "x" }))
            .ShouldBe(409, "certificate.date_before_issue");
        await (await Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2014-07-06", objectives = "y", reason = "x" }))
            .ShouldBe(409, "date.in_future");
    }

    [Fact]
    public async Task an_inspection_records_progress_disbursement_and_milestones_met()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);

        var inspected = await (await Host.Post(Officer, Url(certificate, "/inspections"), new
        {
            on = "2014-01-15", inspector = "officer.tran", progress = "delayed", disbursedSoFar = Usd("41500000.50"),
            milestonesMet = new[] { "Site clearance" }, findings = "Foundations late.",
        })).Read<Certificate>();
        var unknownMilestone = await Host.Post(Officer, Url(certificate, "/inspections"), new
        {
            on = "2014-02-15", inspector = "officer.tran", progress = "onSchedule", disbursedSoFar = Usd("1"), milestonesMet = new[] { "Moon base" }, findings = "x",
        });

        Assert.Equal(Progress.Delayed, inspected.LastInspection!.Progress);
        Assert.Equal(41500000.50m, inspected.LastInspection.DisbursedUsd);
        Assert.Equal(new LocalDate(2014, 1, 15), inspected.Schedule.Single(m => m.Name == "Site clearance").MetOn);
        Assert.Null(inspected.Schedule.Single(m => m.Name == "Operation").MetOn);
        await unknownMilestone.ShouldBe(409, "certificate.unknown_milestone");
        var asPartner = await Host.Send(Partner, s => s.Get.Url(Url(certificate)));
        Assert.Null((await asPartner.Read<Certificate>()).LastInspection!.Inspector);
        Assert.DoesNotContain("officer.tran", await asPartner.ReadAsTextAsync()); // raw text: the name appears nowhere in the answer
    }

    [Fact]
    public async Task suspension_and_resumption_follow_each_other()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);

        var suspended = await Host.Post(Officer, Url(certificate, "/suspend"), new { on = "2014-01-10", reason = "Land unused." });
        var twice = await Host.Post(Officer, Url(certificate, "/suspend"), new { on = "2014-01-11", reason = "Again." });
        var early = await Host.Post(Officer, Url(certificate, "/resume"), new { on = "2014-01-09" });
        var resumed = await Host.Post(Officer, Url(certificate, "/resume"), new { on = "2014-03-01", note = "Works restarted." });
        var notSuspended = await Host.Post(Officer, Url(certificate, "/resume"), new { on = "2014-03-02" });

        Assert.Equal(CertificateStatus.Suspended, (await suspended.Read<Certificate>()).Status);
        await twice.ShouldBe(409, "certificate.already_suspended");
        await early.ShouldBe(409, "certificate.date_out_of_order");
        var active = await resumed.Read<Certificate>();
        Assert.Equal(CertificateStatus.Active, active.Status);
        Assert.Equal(new LocalDate(2014, 3, 1), Assert.Single(active.Suspensions).To);
        await notSuspended.ShouldBe(409, "certificate.not_suspended");
    }

    [Fact]
    public async Task revoked_is_final_every_later_change_is_refused()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var revoked = await Host.Post(Officer, Url(certificate, "/revoke"),
            new { on = "2014-05-20", ground = "behindScheduleNoExtension", decisionNumber = "215/QĐ-BQL", note = "Abandoned." });
        Assert.Equal(CertificateStatus.Revoked, (await revoked.Read<Certificate>()).Status);

        var attempts = new (string Action, object Body)[]
        {
            ("/amendments", new { on = "2014-06-01", objectives = "x", reason = "x" }),
            ("/inspections", new { on = "2014-06-01", inspector = "a", progress = "stalled", disbursedSoFar = Usd("0"), findings = "x" }),
            ("/suspend", new { on = "2014-06-01", reason = "x" }),
            ("/resume", new { on = "2014-06-01" }),
            ("/revoke", new { on = "2014-06-01", ground = "courtOrArbitration", decisionNumber = "1" }),
        };
        foreach (var (action, body) in attempts)
        {
            var problem = await (await Host.Post(Officer, Url(certificate, action), body)).ShouldBe(409, "certificate.revoked");
            Assert.Contains("215/QĐ-BQL", problem.Detail);
        }
    }

    [Fact]
    public async Task an_unknown_revocation_ground_answers_400()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var result = await Host.SendRaw(Officer, "POST", Url(certificate, "/revoke"), """{"on":"2014-05-20","ground":"badLuck","decisionNumber":"1"}""");
        Assert.Contains("$.ground", (await result.ShouldBe(400, "request.malformed_json")).Detail);
    }

    [Fact]
    public async Task two_officers_amending_with_the_same_etag_lose_nothing_silently()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);

        var results = await Task.WhenAll(
            Host.Post(Officer, Url(certificate, "/amendments"), new { on = "2013-08-01", capitalChange = Usd("10"), reason = "A" }, "\"1\""),
            Host.Post(Admin, Url(certificate, "/amendments"), new { on = "2013-08-01", capitalChange = Usd("20"), reason = "B" }, "\"1\""));

        var statuses = results.Select(r => r.Context.Response.StatusCode).Order().ToArray();
        Assert.Contains(statuses, s => s == 200);
        Assert.All(statuses.Where(s => s != 200), s => Assert.Contains(s, new[] { 409, 412 }));
        var now = await Host.Get<Certificate>(Officer, Url(certificate));
        Assert.Equal(statuses.Count(s => s == 200), now.Amendments.Count);
        Assert.Equal(150_000_000.00m + now.Amendments.Sum(a => a.CapitalChangeUsd), now.CapitalUsd);
    }

    [Fact]
    public async Task the_history_answers_why_the_capital_is_what_it_is()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        await Host.Post(Admin, Url(certificate, "/amendments"), new { on = "2013-08-01", capitalChange = Usd("2850000000"), reason = "Second furnace." });

        var history = (await Host.Get<Page<HistoryEntry>>(Officer, Url(certificate, "/history"))).Items;

        Assert.Equal(["certificateIssued", "certificateAmended"], history.Select(e => e.Type));
        var amendment = history.Single(e => e.Type == "certificateAmended");
        Assert.Equal("admin.tran", amendment.RecordedBy);
        var amended = amendment.Event<CertificateAmended>();
        Assert.Equal("Second furnace.", amended.Reason);
        Assert.Equal(2850000000m, amended.CapitalChange!.Amount);
    }
}
