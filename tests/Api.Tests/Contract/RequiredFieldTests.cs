using System.Text.Json.Nodes;
using Investment.Api.Leads;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;

namespace Investment.Api.Tests.Contract;

/// <summary>
/// What the document promises of answers holds: every property it declares required is there, and none is null,
/// for every role (partners get less, but never less than the schema says).
/// </summary>
public sealed class RequiredFieldTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly JsonNode Document =
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "openapi", "investment-api.v1.json")))!;

    [Fact]
    public async Task answers_hold_every_property_their_schema_requires()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var lead = await Host.ALead(Officer);
        var contact = await (await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact(occurredAt: "2014-07-01T02:30:00Z"))).Read<LoggedContact>();
        var investorId = certificate.Investors[0].InvestorId;

        var reads = new (string Token, string Url, string Path)[]
        {
            (Officer, $"/api/v1/certificates/{certificate.Id}", "/api/v1/certificates/{id}"),
            (Partner, $"/api/v1/certificates/{certificate.Id}", "/api/v1/certificates/{id}"),
            (Partner, "/api/v1/certificates?limit=5", "/api/v1/certificates"),
            (Officer, $"/api/v1/certificates/{certificate.Id}/history", "/api/v1/certificates/{id}/history"),
            (Partner, "/api/v1/certificates/watchlist?asOf=2014-07-05", "/api/v1/certificates/watchlist"),
            (Officer, $"/api/v1/investors/{investorId}", "/api/v1/investors/{id}"),
            (Partner, $"/api/v1/investors/{investorId}", "/api/v1/investors/{id}"),
            (Partner, "/api/v1/investors?limit=5", "/api/v1/investors"),
            (Officer, $"/api/v1/leads/{lead.Id}", "/api/v1/leads/{id}"),
            (Officer, "/api/v1/leads?limit=5", "/api/v1/leads"),
            (Officer, $"/api/v1/leads/{lead.Id}/contacts", "/api/v1/leads/{id}/contacts"),
            (Officer, $"/api/v1/leads/{lead.Id}/contacts/{contact.Id}", "/api/v1/leads/{id}/contacts/{contactId}"),
            (Partner, "/api/v1/zones", "/api/v1/zones"),
            (Partner, "/api/v1/zones/dung-quat/pipeline", "/api/v1/zones/{code}/pipeline"),
            (Partner, "/api/v1/zones/dung-quat/progress/2014", "/api/v1/zones/{code}/progress/{year}"),
            (Partner, "/api/v1/zones/dung-quat/progress/2014/explanation", "/api/v1/zones/{code}/progress/{year}/explanation"),
            (Partner, "/api/v1/zones/dung-quat/reports/2014/year", "/api/v1/zones/{code}/reports/{year}/{period}"),
        };
        foreach (var (token, url, path) in reads)
        {
            var result = await Host.Send(token, s => s.Get.Url(url));
            Assert.Equal(200, result.Context.Response.StatusCode);
            Assert.False(string.IsNullOrEmpty(result.Header("ETag")), $"{url} answered no ETag");
            var schema = Document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"];
            Check(await result.Json(), schema, url); // raw JSON on purpose: the walk checks what is present on the wire against the schema
        }
    }

    private static void Check(JsonNode? value, JsonNode? schema, string where)
    {
        schema = Resolve(schema);
        if (schema is null || value is null) return;
        if (value is JsonArray items)
        {
            foreach (var item in items) Check(item, schema["items"], $"{where}[]");
            return;
        }
        if (value is not JsonObject json) return;
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            var name = (string)required!;
            Assert.True(json.ContainsKey(name) && json[name] is not null, $"{where}: required '{name}' is missing");
        }
        foreach (var (name, property) in json)
            Check(property, schema["properties"]?[name], $"{where}.{name}");
    }

    private static JsonNode? Resolve(JsonNode? schema)
    {
        if (schema?["$ref"] is { } reference) return Resolve(Document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]);
        if (schema?["allOf"] is JsonArray { Count: 1 } all) return Resolve(all[0]);
        return schema;
    }
}
