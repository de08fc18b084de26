using Alba;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Investment.Api.Endpoints;
using Investment.Api.Leads;
using Investment.Domain.Certificates;
using Investment.Domain.Investors;
using Investment.Domain.Leads;

namespace Investment.Api.Tests.Conventions;

/// <summary>
/// The ETag a write answers is the one a read answers next: a client that sends it back in If-Match is told (412)
/// when someone else wrote in between, and is never let through over their write. Each write below is sent with an
/// Idempotency-Key and the previous answer's ETag, then replayed: the replay answers the same ETag.
/// </summary>
public sealed class WriteETagTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task every_write_on_an_investor_answers_the_etag_a_read_answers_next()
    {
        var registered = await Write(Officer, "POST", "/api/v1/investors", InvestorRequests.Profile(Unique("ETag investor")), null);
        var url = $"/api/v1/investors/{(await registered.Read<Investor>()).Id}";
        await Expect(registered, url);

        var changed = await Write(Officer, "PUT", url, InvestorRequests.Profile(Unique("ETag investor renamed")), registered.Header("ETag"));
        await Expect(changed, url);
    }

    [Fact]
    public async Task every_write_on_a_lead_and_its_contacts_answers_the_etag_a_read_answers_next()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("ETag lead investor")));
        var opened = await Write(Officer, "POST", "/api/v1/leads", LeadRequests.Lead(investor.Id.ToString()), null);
        var lead = $"/api/v1/leads/{(await opened.Read<Lead>()).Id}";
        await Expect(opened, lead);

        var etag = opened.Header("ETag");
        foreach (var (method, path, body) in new (string, string, object)[]
        {
            ("POST", "/stage", new { stage = "engaged" }),
            ("POST", "/reassign", new { owner = "officer.le" }),
            ("POST", "/estimate", new { estimatedCapital = LeadRequests.Usd(120_000_000m), reason = "Phase 1 only." }),
            ("POST", "/contacts", LeadRequests.Contact()),
        })
        {
            var written = await Write(Officer, method, lead + path, body, etag);
            await Expect(written, lead);
            etag = written.Header("ETag");
        }

        var contact = $"{lead}/contacts/{Assert.Single((await Host.Get<Page<LoggedContact>>(Officer, $"{lead}/contacts")).Items).Id}";
        await ExpectRead(etag, contact);
        var corrected = await Write(Officer, "PUT", contact, LeadRequests.Contact("Corrected summary.", reason: "Typo."), etag);
        await Expect(corrected, lead);
        await Expect(corrected, contact);
        var withdrawn = await Write(Officer, "POST", contact + "/withdraw", new { reason = "Wrong lead." }, corrected.Header("ETag"));
        await Expect(withdrawn, lead);
        await Expect(withdrawn, contact);

        var lost = await Write(Officer, "POST", lead + "/lose", new { reason = "Chose another site.", reasonCode = "other" }, withdrawn.Header("ETag"));
        await Expect(lost, lead);
        var reopened = await Write(Officer, "POST", lead + "/reopen", new { reason = "Back on the table." }, lost.Header("ETag"));
        await Expect(reopened, lead);
    }

    [Fact]
    public async Task every_write_on_a_certificate_answers_the_etag_a_read_answers_next()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("ETag holder"), "KR"));
        var issued = await Write(Officer, "POST", "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString()), null);
        var certificate = $"/api/v1/certificates/{(await issued.Read<Certificate>()).Id}";
        await Expect(issued, certificate);

        var etag = issued.Header("ETag");
        foreach (var (path, body) in new (string, object)[]
        {
            ("/amendments", new { on = "2014-01-01", capitalChange = LeadRequests.Usd(10m), reason = "More capital." }),
            ("/inspections", new { on = "2014-05-01", inspector = "officer.tran", progress = "onSchedule", disbursedSoFar = LeadRequests.Usd(5m), findings = "Fine." }),
            ("/suspend", new { on = "2014-05-02", reason = "Unpaid land rent." }),
            ("/resume", new { on = "2014-05-20" }),
            ("/revoke", new { on = "2014-06-01", ground = "behindScheduleNoExtension", decisionNumber = "215/QĐ-BQL" }),
        })
        {
            var written = await Write(Officer, "POST", certificate + path, body, etag);
            await Expect(written, certificate);
            etag = written.Header("ETag");
        }
    }

    [Fact]
    public async Task setting_and_revising_a_target_answer_the_etag_a_read_answers_next()
    {
        const string url = "/api/v1/zones/dung-quat/targets/2031";
        var set = await Write(Admin, "PUT", url, new { minimumUsd = "100000000", maximumUsd = "150000000", decision = "25/QĐ-UBND", decidedOn = "2014-01-08" }, null);
        await Expect(set, url);
        var revised = await Write(Admin, "PUT", url,
            new { minimumUsd = "120000000", maximumUsd = "150000000", decision = "31/QĐ-UBND", decidedOn = "2014-06-01", reason = "Review." }, set.Header("ETag"));
        await Expect(revised, url);
    }

    [Fact]
    public async Task an_officer_who_logged_a_contact_cannot_overwrite_a_reassignment_made_after_it()
    {
        var lead = $"/api/v1/leads/{(await Host.ALead(Officer)).Id}";
        var before = (await Host.Send(Officer, s => s.Get.Url(lead))).Header("ETag")!;

        var logged = await Host.Post(Officer, $"{lead}/contacts", LeadRequests.Contact(), ifMatch: Strong(before));
        var reassignedByB = await Host.Post(Officer, $"{lead}/reassign", new { owner = "officer.b" }, ifMatch: logged.Header("ETag"));
        var reassignedByA = await Host.Post(Officer, $"{lead}/reassign", new { owner = "officer.a" }, ifMatch: logged.Header("ETag"));

        Assert.Equal(200, reassignedByB.Context.Response.StatusCode);
        await reassignedByA.ShouldBe(412, "concurrency.stale");
        Assert.Equal("officer.b", (await Host.Get<Lead>(Officer, lead)).Owner);
    }

    /// <summary>Sends the write with a fresh Idempotency-Key and If-Match, asserts it succeeded, and that its replay answers the same ETag.</summary>
    private async Task<IScenarioResult> Write(string token, string method, string url, object body, string? ifMatch)
    {
        var key = Guid.NewGuid().ToString();
        var strong = ifMatch is null ? null : Strong(ifMatch);
        Task<IScenarioResult> Send() => method == "PUT" ? Host.Put(token, url, body, strong, key) : Host.Post(token, url, body, strong, key);
        var first = await Send();
        Assert.True(first.Context.Response.StatusCode is 200 or 201, $"{method} {url} answered {first.Context.Response.StatusCode}: {await first.ReadAsTextAsync()}");
        var replay = await Send();
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal(first.Header("ETag"), replay.Header("ETag"));
        return first;
    }

    private async Task Expect(IScenarioResult written, string readUrl) => await ExpectRead(written.Header("ETag"), readUrl);

    private async Task ExpectRead(string? etag, string readUrl)
    {
        var read = await Host.Send(Officer, s => s.Get.Url(readUrl));
        Assert.Equal(200, read.Context.Response.StatusCode);
        Assert.NotNull(etag);
        Assert.Equal(Strong(read.Header("ETag")!), Strong(etag));
    }

    /// <summary>A lead's read ETag also names the day (W/"3.20140705"); its version is what If-Match compares.</summary>
    private static string Strong(string etag)
    {
        var text = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? text : text[..dot] + "\"";
    }
}
