using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Robustness;

/// <summary>
/// Malformed requests derived from the committed OpenAPI document, so that every new operation is attacked as soon as it
/// is documented: every answer is a 4xx problem naming what was wrong, and the event store holds exactly what it held.
/// </summary>
public sealed class MalformedRequestTests(ApiFixture fixture) : ApiTest(fixture)
{
    private sealed record Attack(string Method, string Url, byte[] Body, string? ContentType, string What);

    private static readonly JsonNode Document =
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "openapi", "investment-api.v1.json")))!;

    /// <summary>Query parameters that take free text: any value is a valid filter, so they are not attacked.</summary>
    private static readonly HashSet<string> FreeText = ["q", "owner", "zone", "country", "number", "code"];

    [Fact]
    public async Task hundreds_of_malformed_requests_get_4xx_problems_and_change_nothing()
    {
        var ids = await Targets();
        var attacks = Attacks(ids).ToList();
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var before = await store.Advanced.FetchEventStoreStatistics();

        var failures = new List<string>();
        foreach (var attack in attacks)
        {
            var result = await Host.SendRaw(Admin, attack.Method, attack.Url, attack.Body, attack.ContentType);
            var status = result.Context.Response.StatusCode;
            var text = await result.ReadAsTextAsync();
            // Read as raw JSON on purpose: any answer, whatever its shape, must be a problem with a code and what was wrong.
            var problem = status is >= 400 and < 500 && result.Context.Response.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true
                ? JsonNode.Parse(text)
                : null;
            if (problem?["code"] is null || (problem["detail"] is null && problem["errors"] is null))
                failures.Add($"{attack.Method} {attack.Url} [{attack.What}] answered {status}: {text[..Math.Min(200, text.Length)]}");
        }

        var after = await store.Advanced.FetchEventStoreStatistics();
        Assert.True(attacks.Count >= 300, $"only {attacks.Count} attacks were generated");
        Assert.Empty(failures);
        Assert.Equal(before.EventCount, after.EventCount);
        Assert.Equal(before.StreamCount, after.StreamCount);
    }

    [Theory]
    [InlineData("/api/v1/certificates?zone=%00", "request.invalid_query")]
    [InlineData("/api/v1/certificates?number=a%00b", "request.invalid_query")]
    [InlineData("/api/v1/certificates?country=%00", "request.invalid_query")]
    [InlineData("/api/v1/certificates?sort=%00", "request.invalid_query")]
    [InlineData("/api/v1/investors?q=%00", "request.invalid_query")]
    [InlineData("/api/v1/investors?country=V%00", "request.invalid_query")]
    [InlineData("/api/v1/leads?owner=%00", "request.invalid_query")]
    [InlineData("/api/v1/leads?zone=%00", "request.invalid_query")]
    [InlineData("/api/v1/leads/follow-ups?owner=%00", "request.invalid_query")]
    [InlineData("/api/v1/zones/dung%01quat/pipeline", "request.invalid_path")]
    [InlineData("/api/v1/zones/dung%01quat/targets/2014", "request.invalid_path")]
    [InlineData("/api/v1/certificates?cursor=cDE6AA", "request.invalid_cursor")]
    [InlineData("/api/v1/investors?cursor=cDE6AA", "request.invalid_cursor")]
    // Kestrel itself refuses a NUL in the path (400); other control characters reach routing, and are refused too.
    public async Task a_nul_byte_in_a_query_value_path_or_cursor_answers_400_never_500(string url, string code) =>
        await (await Host.Send(Admin, s => s.Get.Url(url))).ShouldBe(400, code);

    [Fact]
    public async Task a_nul_byte_in_a_contact_log_cursor_answers_400()
    {
        var lead = await Host.ALead(Officer);
        var cursor = System.Buffers.Text.Base64Url.EncodeToString("p1:\0"u8);
        await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/leads/{lead.Id}/contacts?cursor={cursor}"))).ShouldBe(400, "request.invalid_cursor");
    }

    [Fact]
    public async Task gets_with_malformed_parameters_answer_4xx_problems_naming_the_parameter()
    {
        var ids = await Targets();
        var failures = new List<string>();
        var count = 0;
        foreach (var (path, operations) in Document["paths"]!.AsObject())
        {
            if (operations!["get"] is not { } get || !path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            var url = Fill(path, ids);
            foreach (var parameter in get["parameters"]?.AsArray() ?? [])
            {
                var name = (string)parameter!["name"]!;
                if ((string?)parameter["in"] != "query" || FreeText.Contains(name)) continue;
                foreach (var value in new[] { "%00", "abc", "-1", "99999999999999999999", "2014-02-30", "%E2%28%A1" })
                {
                    count++;
                    var result = await Host.Send(Admin, s => s.Get.Url($"{url}?{name}={value}"));
                    var status = result.Context.Response.StatusCode;
                    var text = await result.ReadAsTextAsync();
                    // A refused value is named: a client must be able to tell which of its parameters to mend.
                    if (status is < 400 or >= 500 || (status == 400 && !text.Contains(name, StringComparison.Ordinal)))
                        failures.Add($"GET {url}?{name}={value} answered {status}: {text[..Math.Min(200, text.Length)]}");
                }
            }
            foreach (var bad in new[] { path.Replace("{id}", "not-a-guid", StringComparison.Ordinal), path.Replace("{year}", "20x4", StringComparison.Ordinal) })
            {
                if (bad == path) continue;
                count++;
                var result = await Host.Send(Admin, s => s.Get.Url(Fill(bad, ids)));
                if (result.Context.Response.StatusCode != 404) failures.Add($"GET {bad} answered {result.Context.Response.StatusCode}");
            }
        }
        Assert.True(count >= 50, $"only {count} requests");
        Assert.Empty(failures);
    }

    private async Task<Dictionary<string, string>> Targets()
    {
        var lead = await Host.ALead(Officer);
        var contact = await (await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact())).Read<Investment.Api.Leads.LoggedContact>();
        var certificate = await Host.AnIssuedCertificate(Officer);
        return new()
        {
            ["investors"] = lead.InvestorId.ToString(),
            ["leads"] = lead.Id.ToString(),
            ["contacts"] = contact.Id.ToString(),
            ["certificates"] = certificate.Id.ToString(),
        };
    }

    private static string Fill(string path, Dictionary<string, string> ids)
    {
        var resource = path.Split('/')[3];
        return path.Replace("{id}", ids.GetValueOrDefault(resource, Guid.NewGuid().ToString()), StringComparison.Ordinal)
            .Replace("{contactId}", ids["contacts"], StringComparison.Ordinal)
            .Replace("{code}", "dung-quat", StringComparison.Ordinal)
            .Replace("{year}", "2014", StringComparison.Ordinal)
            .Replace("{period}", "year", StringComparison.Ordinal);
    }

    private static IEnumerable<Attack> Attacks(Dictionary<string, string> ids)
    {
        foreach (var (path, operations) in Document["paths"]!.AsObject())
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (operation!["requestBody"]?["content"]?["application/json"]?["example"] is not JsonObject example) continue;
                var schema = Resolve(operation["requestBody"]!["content"]!["application/json"]!["schema"]);
                var url = Fill(path, ids);
                var verb = method.ToUpperInvariant();
                Attack A(string body, string what, string? type = "application/json") => new(verb, url, Encoding.UTF8.GetBytes(body), type, what);

                // The body as a whole.
                yield return A("", "empty body");
                yield return A("{", "unfinished JSON");
                yield return A("[]", "an array, not an object");
                yield return A("null", "null body");
                yield return A("\"text\"", "a string body");
                yield return A("{\"a\":" + new string('[', 500) + new string(']', 500) + "}", "deeply nested");
                yield return A(example.ToJsonString(), "wrong content type", "text/plain");
                yield return A(example.ToJsonString(), "form content type", "application/x-www-form-urlencoded");
                yield return new(verb, url, [.. Encoding.UTF8.GetBytes("{\"x\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")], "application/json", "invalid UTF-8");
                yield return A("{\"pad\":\"" + new string('x', 1_100_000) + "\"}", "huge body");
                var first = example.First();
                yield return A($"{{\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"},{example.ToJsonString()[1..]}", "duplicate key");
                yield return A(With(example, "unexpectedField", JsonValue.Create(1)), "unknown field");

                // Each field.
                foreach (var (name, value) in example)
                {
                    var field = Resolve(schema?["properties"]?[name]);
                    foreach (var (bad, what) in FieldAttacks(field, value))
                        yield return A(With(example, name, bad), $"{name}: {what}");
                    if (value is JsonObject nested)
                        foreach (var (inner, innerValue) in nested)
                            foreach (var (bad, what) in FieldAttacks(Resolve(field?["properties"]?[inner]), innerValue))
                                yield return A(With(example, name, JsonNode.Parse(With(nested, inner, bad))), $"{name}.{inner}: {what}");
                }
            }
    }

    /// <summary>Values that can never be valid for a field of this schema.</summary>
    private static IEnumerable<(JsonNode? Value, string What)> FieldAttacks(JsonNode? schema, JsonNode? example)
    {
        var type = (string?)schema?["type"];
        var format = (string?)schema?["format"];
        var isEnum = schema?["enum"] is not null;
        if ((bool?)schema?["nullable"] != true) yield return (null, "null");
        yield return (type == "object" ? JsonValue.Create("x") : new JsonObject { ["x"] = 1 }, "wrong type");
        yield return (type == "array" ? JsonValue.Create("x") : new JsonArray(1, 2), "wrong type (array)");
        yield return (JsonNode.Parse("123456789012345678901234567890123456789"), "number out of range");
        if (example is JsonValue && type == "string" && format is null && !isEnum)
        {
            yield return (JsonValue.Create(new string('A', 20_000)), "very long string");
            yield return (JsonValue.Create("bad\u0001value"), "control character");
        }
        if (isEnum || (example is JsonValue && schema?["$ref"] is not null)) yield return (JsonValue.Create("notAValue"), "unknown enum value");
        if (format == "date")
        {
            yield return (JsonValue.Create("2014-02-30"), "impossible date");
            yield return (JsonValue.Create("9999-12-31"), "date at the end of the calendar");
        }
        if (format == "date-time") yield return (JsonValue.Create("2014-13-01T00:00:00Z"), "impossible instant");
        if (format == "decimal")
        {
            yield return (JsonValue.Create("1e5"), "exponent");
            yield return (JsonValue.Create("12,5"), "comma decimal");
            yield return (JsonValue.Create("1.0000000000000000000000000000001"), "too many decimals");
            yield return (JsonValue.Create("99999999999999999999.99"), "too large");
            yield return (JsonValue.Create("0.000000000001"), "too small a fraction");
        }
        if (format == "uuid") yield return (JsonValue.Create("not-a-guid"), "not a uuid");
        if (type == "array") yield return (new JsonArray((JsonNode?)null), "a null element");
        if (type == "array" && example is JsonArray { Count: > 0 } items)
        {
            var list = new JsonArray();
            for (var i = 0; i < 300; i++) list.Add(items[0]!.DeepClone());
            yield return (list, "too many items");
        }
    }

    private static JsonNode? Resolve(JsonNode? schema)
    {
        if (schema?["$ref"] is { } reference) return Document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        if (schema?["allOf"] is JsonArray { Count: 1 } all) return Resolve(all[0]);
        return schema;
    }

    private static string With(JsonObject body, string name, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[name] = value?.DeepClone();
        return copy.ToJsonString();
    }
}
