using System.Text;
using Investment.Api.Certificates;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Investment.Api.Endpoints;
using Investment.Api.Leads;
using Investment.Api.Reports;
using Investment.Domain.Certificates;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Api.Tests.Reports;

public sealed class ReportTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>This class's zone and year: vsip-quang-ngai, 2010.</summary>
    private const string Zone = "vsip-quang-ngai";

    private async Task Story()
    {
        if ((await Host.Get<Page<CertificateSummary>>(Partner, $"/api/v1/certificates?issueYear=2010&zone={Zone}")).Items.Count > 0) return;
        var investor = (await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Công ty Điện lực Quảng Ngãi"), "VN", ["energy"]))).Id.ToString();
        var lead = await (await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(investor, Zone, openedOn: "2010-02-01"))).Read<Lead>();
        var lost = await (await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(investor, Zone, openedOn: "2010-03-01"))).Read<Lead>();
        await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact("Kick-off.", occurredAtLocal: "2010-02-02T10:00:00"));
        var withdrawn = await (await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact("Wrong.", occurredAtLocal: "2010-02-03T10:00:00"))).Read<LoggedContact>();
        await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts/{withdrawn.Id}/withdraw", new { reason = "Wrong lead." });
        await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact("Second half.", occurredAtLocal: "2010-08-02T10:00:00"));
        await Host.Post(Officer, $"/api/v1/leads/{lost.Id}/lose", new { reason = "Gone.", reasonCode = "other", on = "2010-04-01" });
        // Taken up again and lost again in the same half: still one lead lost.
        await Host.Post(Officer, $"/api/v1/leads/{lost.Id}/reopen", new { reason = "Came back.", on = "2010-04-15" });
        await Host.Post(Officer, $"/api/v1/leads/{lost.Id}/lose", new { reason = "Gone for good.", reasonCode = "other", on = "2010-05-01" });
        await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor, capital: LeadRequests.Usd(30_000_000m),
            issuedOn: "2010-05-10", zone: Zone, sector: "energy", schedule: [], leadId: lead.Id.ToString(), projectName: "Nhà máy điện mặt trời Quảng Ngãi"));
        var later = await (await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor,
            capital: LeadRequests.Usd(12_000_000m), issuedOn: "2010-09-10", zone: Zone, sector: "tourismAndServices", schedule: []))).Read<Certificate>();
        await Host.Post(Officer, $"/api/v1/certificates/{later.Id}/amendments", new { on = "2010-10-01", capitalChange = LeadRequests.Usd(3_000_000m), reason = "x" });
        await Host.Settled();
    }

    [Fact]
    public async Task the_first_half_report_counts_certificates_leads_and_contacts_of_the_half()
    {
        await Story();

        var answer = await Host.Send(Partner, s => s.Get.Url($"/api/v1/zones/{Zone}/reports/2010/first-half"));
        var report = await answer.Read<ZoneReport>();

        Assert.Equal((new LocalDate(2010, 1, 1), new LocalDate(2010, 6, 30)), (report.From, report.To));
        Assert.Equal(30_000_000.00m, report.AttractedUsd);
        Assert.Single(report.NewCertificates);
        Assert.Empty(report.Amendments);
        Assert.Equal((2, 1, 1, 1), (report.Leads.Opened, report.Leads.Certified, report.Leads.Lost, report.Leads.ContactsLogged));
        Assert.Equal(1, report.Leads.LostBy!.ByReason.Single(r => r.Reason == Investment.Domain.Leads.LossReason.Other).Leads);
        Assert.DoesNotContain("Kim Min-jun", await answer.ReadAsTextAsync()); // raw text: no contact's people anywhere in the answer
    }

    [Fact]
    public async Task the_yearly_report_counts_the_whole_year()
    {
        await Story();

        var report = await Host.Get<ZoneReport>(Partner, $"/api/v1/zones/{Zone}/reports/2010/year");

        Assert.Equal(45_000_000.00m, report.AttractedUsd);
        Assert.Equal(2, report.NewCertificates.Count);
        Assert.Single(report.Amendments);
        Assert.Equal((2, 42_000_000.00m), (report.NewCertificateCount, report.NewCapitalUsd));
        Assert.Equal((1, 3_000_000.00m), (report.CapitalIncreaseAmendments, report.CapitalAddedUsd));
        Assert.Equal((0, 0.00m, 0), (report.CapitalReductionAmendments, report.CapitalReducedUsd, report.OtherAmendments));
        Assert.Equal(2, report.Leads.ContactsLogged);
        Assert.Equal([Sector.Energy, Sector.TourismAndServices], report.BySector.Select(s => s.Sector));
    }

    [Fact]
    public async Task the_report_comes_as_csv_with_a_byte_order_mark_and_vietnamese_intact()
    {
        await Story();

        var result = await Host.Send(Partner, s =>
        {
            s.Get.Url($"/api/v1/zones/{Zone}/reports/2010/year");
            s.WithRequestHeader("Accept", "text/csv");
        });

        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.StartsWith("text/csv", result.Context.Response.ContentType);
        var bytes = ReadBytes(result);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,item,date,certificate,project,country,sector,count,amountUsd", lines[0]);
        Assert.Contains("summary,attracted,,,,,,,45000000.00", lines);
        Assert.Contains(lines, l => l.StartsWith("newCertificate,,2010-05-10,", StringComparison.Ordinal)
            && l.EndsWith(",Nhà máy điện mặt trời Quảng Ngãi,VN,energy,,30000000.00", StringComparison.Ordinal));
        Assert.Contains("summary,contactsLogged,,,,,,2,", lines);
        Assert.Contains("summary,newCertificates,,,,,,2,42000000.00", lines);
        Assert.Contains("summary,capitalAdded,,,,,,1,3000000.00", lines);
        Assert.Contains("summary,capitalReduced,,,,,,0,0.00", lines);
        Assert.Contains("summary,otherAmendments,,,,,,0,", lines);
        Assert.Contains(lines, l => l.StartsWith("capitalIncrease,1,2010-10-01,", StringComparison.Ordinal) && l.EndsWith(",3000000.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_document_gives_the_report_as_json_with_its_sign_conventions_and_as_csv()
    {
        var result = await Host.Send(null, s => s.Get.Url("/swagger/v1/swagger.json"));
        // JsonNode on purpose: the test walks the OpenAPI document itself.
        var document = System.Text.Json.Nodes.JsonNode.Parse(Encoding.UTF8.GetString(ReadBytes(result)))!;

        var ok = document["paths"]!["/api/v1/zones/{code}/reports/{year}/{period}"]!["get"]!["responses"]!["200"]!["content"]!;
        Assert.Equal("#/components/schemas/ZoneReport", (string?)ok["application/json"]!["schema"]!["$ref"]);
        Assert.NotNull(ok["text/csv"]);
        var report = document["components"]!["schemas"]!["ZoneReport"]!["properties"]!;
        Assert.Contains("positive", (string?)report["capitalReducedUsd"]!["description"]);
        Assert.Contains("newCapitalUsd + capitalAddedUsd − capitalReducedUsd", (string?)report["attractedUsd"]!["description"]);
    }

    private static byte[] ReadBytes(Alba.IScenarioResult result)
    {
        var body = result.Context.Response.Body;
        using var copy = new MemoryStream();
        body.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task officers_and_partners_read_reports_and_anonymous_callers_do_not()
    {
        await (await Host.Send(null, s => s.Get.Url($"/api/v1/zones/{Zone}/reports/2010/year"))).ShouldBe(401, "auth.unauthenticated");
        Assert.Equal(200, (await Host.Send(Officer, s => s.Get.Url($"/api/v1/zones/{Zone}/progress/2010"))).Context.Response.StatusCode);
    }
}
