using System.Text.Json.Nodes;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Contract;

/// <summary>
/// The document's typed parameters are what the server takes: every value of an enum parameter is accepted and a value
/// outside it refused (400), every date parameter takes a date and refuses an impossible one.
/// </summary>
public sealed class ParameterTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly JsonNode Document =
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "openapi", "investment-api.v1.json")))!;

    public static TheoryData<string, string, string, bool> Values()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            if (path.Contains("{id}", StringComparison.Ordinal) || item!["get"] is not { } operation) continue;
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var name = (string)parameter!["name"]!;
                var schema = Resolve(parameter["schema"]);
                if ((string?)parameter["in"] is not ("query" or "path")) continue;
                if (schema?["enum"] is JsonArray values)
                {
                    foreach (var value in values) data.Add(path, name, (string)value!, true);
                    data.Add(path, name, "notAValue", false);
                }
                else if ((string?)schema?["format"] == "date")
                {
                    data.Add(path, name, "2014-07-05", true);
                    data.Add(path, name, "2014-13-01", false);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task a_typed_parameter_takes_the_values_the_document_declares(string path, string name, string value, bool valid)
    {
        var url = path.Replace("{code}", "dung-quat", StringComparison.Ordinal).Replace("{year}", "2014", StringComparison.Ordinal)
            .Replace("{period}", name == "period" ? value : "year", StringComparison.Ordinal);
        if (name != "period") url += $"?{name}={Uri.EscapeDataString(value)}";

        var status = (await Host.Send(Admin, s => s.Get.Url(url))).Context.Response.StatusCode;

        if (valid) Assert.Equal(200, status);
        else Assert.Equal(400, status);
    }

    private static JsonNode? Resolve(JsonNode? schema) =>
        schema?["$ref"] is { } reference ? Document["components"]!["schemas"]![((string)reference!).Split('/')[^1]] : schema;
}
