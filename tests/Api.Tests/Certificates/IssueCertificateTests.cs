using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;

namespace Investment.Api.Tests.Certificates;

public sealed class IssueCertificateTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task issuing_answers_201_with_location_etag_and_the_certificate()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Issued Holdings"), "SG"));
        var number = CertificateRequests.Number();

        var result = await Host.Post(Officer, "/api/v1/certificates",
            CertificateRequests.Certificate((string)investor["id"]!, number, new { amount = "1234567890.12", currency = "USD" }));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var certificate = await result.Json();
        Assert.Equal($"/api/v1/certificates/{certificate["id"]}", result.Header("Location"));
        Assert.Equal("\"1\"", result.Header("ETag"));
        Assert.Equal(number, (string?)certificate["number"]);
        Assert.Equal("active", (string?)certificate["status"]);
        Assert.Equal("1234567890.12", (string?)certificate["capitalUsd"]);
        Assert.Equal("1234567890.12", (string?)certificate["capitalAsIssued"]!["amount"]);
        Assert.Equal("SG", (string?)certificate["investors"]![0]!["country"]);
        Assert.Equal(["Site clearance", "Operation"], certificate["schedule"]!.AsArray().Select(m => (string)m!["name"]!));
        Assert.Equal(0, (int)certificate["extensionMonthsUsed"]!);
        var read = await Host.Get(Officer, $"/api/v1/certificates/{certificate["id"]}");
        Assert.Equal(read.ToJsonString(), certificate.ToJsonString()); // the answer is the stored read model, not a look-alike
    }

    [Fact]
    public async Task a_second_certificate_with_the_same_number_is_refused_with_409_and_a_link()
    {
        var first = await Host.IssuedCertificate(Officer);
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Copycat")));

        var again = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate((string)investor["id"]!, $" {first["number"]} "));

        var problem = await again.ShouldBeProblem(409, "certificate.number_taken");
        Assert.Equal($"/api/v1/certificates/{first["id"]}", (string?)problem["existingCertificate"]);
    }

    [Fact]
    public async Task certificates_racing_for_one_number_give_exactly_one()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Racer")));
        var number = CertificateRequests.Number();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate((string)investor["id"]!, number))));

        Assert.Single(results, r => r.Context.Response.StatusCode == 201);
        Assert.All(results.Where(r => r.Context.Response.StatusCode != 201), r => Assert.Equal(409, r.Context.Response.StatusCode));
        Assert.Single((await Host.Get(Partner, $"/api/v1/certificates?number={number}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task unknown_investors_and_zones_are_refused_with_422_naming_them()
    {
        var missing = Guid.NewGuid().ToString();
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Zone Less")));

        var noInvestor = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(missing));
        var noZone = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate((string)investor["id"]!, zone: "hai-phong"));

        Assert.Contains(missing, (string?)(await noInvestor.ShouldBeProblem(422, "certificate.investor_unknown"))["detail"]);
        Assert.Contains("hai-phong", (string?)(await noZone.ShouldBeProblem(422, "certificate.zone_unknown"))["detail"]);
    }

    [Fact]
    public async Task an_issue_date_in_the_future_or_a_milestone_before_it_is_refused()
    {
        var investor = (string)(await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Early Bird"))))["id"]!;
        await (await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor, issuedOn: "2014-07-06")))
            .ShouldBeProblem(409, "date.in_future");
        await (await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor,
            schedule: [CertificateRequests.Milestone("Too early", "2013-06-19")]))).ShouldBeProblem(409, "certificate.milestone_before_issue");
    }

    [Theory]
    [InlineData("number", "\"\"")]
    [InlineData("durationYears", "0")]
    [InlineData("landAreaHectares", "\"-1\"")]
    [InlineData("investorIds", "[]")]
    [InlineData("schedule", """[{"name":"A","due":"2014-01-01"},{"name":"A","due":"2015-01-01"}]""")]
    public async Task invalid_fields_answer_400_naming_them(string field, string value)
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Invalid")));
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            CertificateRequests.Certificate((string)investor["id"]!), Http.Json.Options))!.AsObject();
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var problem = await (await Host.SendRaw(Officer, "POST", "/api/v1/certificates", body.ToJsonString())).ShouldBeProblem(400, "validation.failed");

        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task a_certificate_issued_for_a_lead_moves_the_lead_to_certified()
    {
        var lead = await Host.OpenedLead(Officer, openedOn: "2013-01-10");
        var number = CertificateRequests.Number();

        var result = await Host.Post(Officer, "/api/v1/certificates",
            CertificateRequests.Certificate((string)lead["investorId"]!, number, leadId: (string)lead["id"]!));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var certificate = await result.Json();
        Assert.Equal((string?)lead["id"], (string?)certificate["leadId"]);
        var certified = await Host.Get(Officer, $"/api/v1/leads/{lead["id"]}");
        Assert.Equal("certified", (string?)certified["stage"]);
        Assert.Equal((string?)certificate["id"], (string?)certified["certificateId"]);
        Assert.Equal("leadCertified", (string?)(await Host.Get(Officer, $"/api/v1/leads/{lead["id"]}/history"))["items"]![1]!["type"]);
        await (await Host.Post(Officer, $"/api/v1/leads/{lead["id"]}/stage", new { stage = "applied", reason = "x" })).ShouldBeProblem(409, "lead.certified");
    }

    [Fact]
    public async Task a_lost_lead_or_a_lead_of_another_investor_cannot_be_certified_and_nothing_is_saved()
    {
        var lost = await Host.OpenedLead(Officer, openedOn: "2013-01-10");
        await Host.Post(Officer, $"/api/v1/leads/{lost["id"]}/lose", new { reason = "Gone." });
        var other = await Host.OpenedLead(Officer, openedOn: "2013-01-10");
        var stranger = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Stranger")));
        var numbers = (CertificateRequests.Number(), CertificateRequests.Number(), CertificateRequests.Number());

        var fromLost = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate((string)lost["investorId"]!, numbers.Item1, leadId: (string)lost["id"]!));
        var mismatch = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate((string)stranger["id"]!, numbers.Item2, leadId: (string)other["id"]!));
        var unknown = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate((string)stranger["id"]!, numbers.Item3, leadId: Guid.NewGuid().ToString()));

        await fromLost.ShouldBeProblem(409, "lead.lost");
        var otherZone = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate((string)other["investorId"]!,
            CertificateRequests.Number(), zone: "tinh-phong", leadId: (string)other["id"]!));
        Assert.Contains("zone", (string?)(await otherZone.ShouldBeProblem(409, "certificate.lead_mismatch"))["detail"]);
        await mismatch.ShouldBeProblem(409, "certificate.lead_mismatch");
        await unknown.ShouldBeProblem(422, "certificate.lead_unknown");
        Assert.Empty((await Host.Get(Partner, $"/api/v1/certificates?number={numbers.Item1}"))["items"]!.AsArray());
        Assert.Equal("prospect", (string?)(await Host.Get(Officer, $"/api/v1/leads/{other["id"]}"))["stage"]);
    }

    [Fact]
    public async Task a_retried_issue_with_the_same_idempotency_key_records_one_certificate()
    {
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Retry Steel")));
        var body = CertificateRequests.Certificate((string)investor["id"]!);
        var key = Guid.NewGuid().ToString();

        var first = await Host.Post(Officer, "/api/v1/certificates", body, key: key);
        var retry = await Host.Post(Officer, "/api/v1/certificates", body, key: key);

        Assert.Equal(201, retry.Context.Response.StatusCode);
        Assert.Equal(first.Header("Location"), retry.Header("Location"));
    }

    [Fact]
    public async Task partners_read_certificates_but_cannot_issue_them()
    {
        var certificate = await Host.IssuedCertificate(Officer);
        var investor = await Host.RegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Partner Try")));

        await (await Host.Post(Partner, "/api/v1/certificates", CertificateRequests.Certificate((string)investor["id"]!))).ShouldBeProblem(403, "auth.forbidden");
        Assert.Equal((string?)certificate["number"], (string?)(await Host.Get(Partner, $"/api/v1/certificates/{certificate["id"]}"))["number"]);
        await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates/{certificate["id"]}/history"))).ShouldBeProblem(403, "auth.forbidden");
    }

    [Fact]
    public async Task an_unknown_certificate_answers_404()
    {
        await (await Host.Send(Partner, s => s.Get.Url($"/api/v1/certificates/{Guid.NewGuid()}"))).ShouldBeProblem(404, "certificate.not_found");
        await (await Host.Post(Officer, $"/api/v1/certificates/{Guid.NewGuid()}/suspend", new { on = "2014-01-01", reason = "x" }))
            .ShouldBeProblem(404, "certificate.not_found");
    }
}
