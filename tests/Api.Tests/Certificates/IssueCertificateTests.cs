using System.Text.Json.Nodes;
using Investment.Api.Certificates;
using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Investment.Domain.Certificates;
using Investment.Domain.Leads;

namespace Investment.Api.Tests.Certificates;

public sealed class IssueCertificateTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task issuing_answers_201_with_location_etag_and_the_certificate()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Issued Holdings"), "SG"));
        var number = CertificateRequests.Number();

        var result = await Host.Post(Officer, "/api/v1/certificates",
            CertificateRequests.Certificate(investor.Id.ToString(), number, new { amount = "1234567890.12", currency = "USD" }));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var certificate = await result.Read<Certificate>();
        Assert.Equal($"/api/v1/certificates/{certificate.Id}", result.Header("Location"));
        Assert.Equal("\"1\"", result.Header("ETag"));
        Assert.Equal(number, certificate.Number);
        Assert.Equal(CertificateStatus.Active, certificate.Status);
        Assert.Equal(1234567890.12m, certificate.CapitalUsd);
        Assert.Equal(1234567890.12m, certificate.CapitalAsIssued.Amount);
        Assert.Equal("SG", certificate.Investors[0].Country);
        Assert.Equal(["Site clearance", "Operation"], certificate.Schedule.Select(m => m.Name));
        Assert.Equal(0, certificate.ExtensionMonthsUsed);
        // Raw text on purpose: the answer is the stored read model byte for byte, not a look-alike.
        var read = await Host.Send(Officer, s => s.Get.Url($"/api/v1/certificates/{certificate.Id}"));
        Assert.Equal(JsonNode.Parse(await read.ReadAsTextAsync())!.ToJsonString(), JsonNode.Parse(await result.ReadAsTextAsync())!.ToJsonString());
    }

    [Fact]
    public async Task a_second_certificate_with_the_same_number_is_refused_with_409_and_a_link()
    {
        var first = await Host.AnIssuedCertificate(Officer);
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Copycat")));

        var again = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString(), $" {first.Number} "));

        var problem = await again.ShouldBe(409, "certificate.number_taken");
        Assert.Equal($"/api/v1/certificates/{first.Id}", problem.ExistingCertificate);
    }

    [Fact]
    public async Task certificates_racing_for_one_number_give_exactly_one()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Racer")));
        var number = CertificateRequests.Number();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString(), number))));

        Assert.Single(results, r => r.Context.Response.StatusCode == 201);
        Assert.All(results.Where(r => r.Context.Response.StatusCode != 201), r => Assert.Equal(409, r.Context.Response.StatusCode));
        Assert.Single((await Host.Get<Page<CertificateSummary>>(Partner, $"/api/v1/certificates?number={number}")).Items);
    }

    [Fact]
    public async Task unknown_investors_and_zones_are_refused_with_422_naming_them()
    {
        var missing = Guid.NewGuid().ToString();
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Zone Less")));

        var noInvestor = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(missing));
        var noZone = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString(), zone: "hai-phong"));

        Assert.Contains(missing, (await noInvestor.ShouldBe(422, "certificate.investor_unknown")).Detail);
        Assert.Contains("hai-phong", (await noZone.ShouldBe(422, "certificate.zone_unknown")).Detail);
    }

    [Fact]
    public async Task an_issue_date_in_the_future_or_a_milestone_before_it_is_refused()
    {
        var investor = (await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Early Bird")))).Id.ToString();
        await (await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor, issuedOn: "2014-07-06")))
            .ShouldBe(409, "date.in_future");
        await (await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor,
            schedule: [CertificateRequests.Milestone("Too early", "2013-06-19")]))).ShouldBe(409, "certificate.milestone_before_issue");
    }

    [Theory]
    [InlineData("number", "\"\"")]
    [InlineData("durationYears", "0")]
    [InlineData("landAreaHectares", "\"-1\"")]
    [InlineData("investorIds", "[]")]
    [InlineData("schedule", """[{"name":"A","due":"2014-01-01"},{"name":"A","due":"2015-01-01"}]""")]
    public async Task invalid_fields_answer_400_naming_them(string field, string value)
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Invalid")));
        // JsonNode on purpose: the request carries a value a typed body could not hold.
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            CertificateRequests.Certificate(investor.Id.ToString()), Http.Json.Options))!.AsObject();
        body[field] = JsonNode.Parse(value);

        var problem = await (await Host.SendRaw(Officer, "POST", "/api/v1/certificates", body.ToJsonString())).ShouldBe(400, "validation.failed");

        Assert.NotNull(problem.Errors![field]);
    }

    [Fact]
    public async Task a_certificate_issued_for_a_lead_moves_the_lead_to_certified()
    {
        var lead = await Host.ALead(Officer, openedOn: "2013-01-10");
        var number = CertificateRequests.Number();

        var result = await Host.Post(Officer, "/api/v1/certificates",
            CertificateRequests.Certificate(lead.InvestorId.ToString(), number, leadId: lead.Id.ToString()));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var certificate = await result.Read<Certificate>();
        Assert.Equal(lead.Id, certificate.LeadId);
        var certified = await Host.Get<Lead>(Officer, $"/api/v1/leads/{lead.Id}");
        Assert.Equal(LeadStage.Certified, certified.Stage);
        Assert.Equal(certificate.Id, certified.CertificateId);
        var history = await Host.Get<Page<HistoryEntry>>(Officer, $"/api/v1/leads/{lead.Id}/history");
        Assert.Equal("leadCertified", history.Items.Single(e => e.Version == 2).Type); // opened, then certified
        await (await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/stage", new { stage = "applied", reason = "x" })).ShouldBe(409, "lead.certified");
    }

    [Fact]
    public async Task a_lost_lead_or_a_lead_of_another_investor_cannot_be_certified_and_nothing_is_saved()
    {
        var lost = await Host.ALead(Officer, openedOn: "2013-01-10");
        await Host.Post(Officer, $"/api/v1/leads/{lost.Id}/lose", new { reason = "Gone.", reasonCode = "other" });
        var other = await Host.ALead(Officer, openedOn: "2013-01-10");
        var stranger = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Stranger")));
        var numbers = (CertificateRequests.Number(), CertificateRequests.Number(), CertificateRequests.Number());

        var fromLost = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(lost.InvestorId.ToString(), numbers.Item1, leadId: lost.Id.ToString()));
        var mismatch = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(stranger.Id.ToString(), numbers.Item2, leadId: other.Id.ToString()));
        var unknown = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(stranger.Id.ToString(), numbers.Item3, leadId: Guid.NewGuid().ToString()));

        await fromLost.ShouldBe(409, "lead.lost");
        var otherZone = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(other.InvestorId.ToString(),
            CertificateRequests.Number(), zone: "tinh-phong", leadId: other.Id.ToString()));
        Assert.Contains("zone", (await otherZone.ShouldBe(409, "certificate.lead_mismatch")).Detail);
        await mismatch.ShouldBe(409, "certificate.lead_mismatch");
        await unknown.ShouldBe(422, "certificate.lead_unknown");
        Assert.Empty((await Host.Get<Page<CertificateSummary>>(Partner, $"/api/v1/certificates?number={numbers.Item1}")).Items);
        Assert.Equal(LeadStage.Prospect, (await Host.Get<Lead>(Officer, $"/api/v1/leads/{other.Id}")).Stage);
    }

    [Fact]
    public async Task a_retried_issue_with_the_same_idempotency_key_records_one_certificate()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Retry Steel")));
        var body = CertificateRequests.Certificate(investor.Id.ToString());
        var key = Guid.NewGuid().ToString();

        var first = await Host.Post(Officer, "/api/v1/certificates", body, key: key);
        var retry = await Host.Post(Officer, "/api/v1/certificates", body, key: key);

        Assert.Equal(201, retry.Context.Response.StatusCode);
        Assert.Equal(first.Header("Location"), retry.Header("Location"));
    }

    [Fact]
    public async Task partners_read_certificates_but_cannot_issue_them()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Partner Try")));

        await (await Host.Post(Partner, "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString()))).ShouldBe(403, "auth.forbidden");
        Assert.Equal(certificate.Number, (await Host.Get<Certificate>(Partner, $"/api/v1/certificates/{certificate.Id}")).Number);
        await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates/{certificate.Id}/history"))).ShouldBe(403, "auth.forbidden");
    }

    [Fact]
    public async Task an_unknown_certificate_answers_404()
    {
        await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates/{Guid.NewGuid()}"))).ShouldBe(404, "certificate.not_found");
        await (await Host.Post(Officer, $"/api/v1/certificates/{Guid.NewGuid()}/suspend", new { on = "2014-01-01", reason = "x" }))
            .ShouldBe(404, "certificate.not_found");
    }
}
