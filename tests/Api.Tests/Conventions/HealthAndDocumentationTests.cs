using System.Text.Json.Nodes;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Conventions;

public sealed class HealthAndDocumentationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string Committed = Path.Combine(TestDatabase.RepositoryRoot(), "openapi", "investment-api.v1.json");

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task health_answers_anonymously(string url)
    {
        var result = await Host.Send(null, s => s.Get.Url(url));
        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.Equal("Healthy", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task swagger_ui_and_the_document_are_anonymous()
    {
        Assert.Equal(200, (await Host.Send(null, s => s.Get.Url("/swagger/index.html"))).Context.Response.StatusCode);
        Assert.Equal(200, (await Host.Send(null, s => s.Get.Url("/swagger/v1/swagger.json"))).Context.Response.StatusCode);
    }

    /// <summary>
    /// The committed document is what partners read: it must be what the code generates. To accept a change, run
    /// `UPDATE_OPENAPI=1 dotnet test --filter the_committed_openapi_document_matches_the_code` and commit the file.
    /// </summary>
    [Fact]
    public async Task the_committed_openapi_document_matches_the_code()
    {
        var generated = await Generated();
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(Committed, generated);

        Assert.True(File.Exists(Committed), $"{Committed} is missing");
        Assert.Equal(generated, (await File.ReadAllTextAsync(Committed)).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task every_operation_is_named_summarised_tagged_and_documents_its_problems()
    {
        var document = JsonNode.Parse(await Generated())!; // JsonNode on purpose: the test walks the OpenAPI document itself
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method} {path}";
                Assert.False(string.IsNullOrEmpty((string?)operation!["operationId"]) && !path.StartsWith("/health", StringComparison.Ordinal), $"{where} has no name");
                Assert.NotNull(operation["tags"]);
                Assert.NotNull(operation["responses"]!["500"]);
                if (path.StartsWith("/health", StringComparison.Ordinal)) continue;
                Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), $"{where} has no summary");
                Assert.NotNull(operation["responses"]!["401"]);
                Assert.NotNull(operation["responses"]!["403"]);
                Assert.NotNull(operation["security"]);
                // A JSON body shows an example; a file upload (multipart) is described in words instead.
                if (operation["requestBody"] is { } body)
                    if (body["content"]!["application/json"] is { } json) Assert.NotNull(json["example"]);
                    else Assert.False(string.IsNullOrEmpty((string?)operation["description"]), $"{where} takes a file and does not describe it");
            }
    }

    private async Task<string> Generated()
    {
        var result = await Host.Send(null, s => s.Get.Url("/swagger/v1/swagger.json"));
        return JsonNode.Parse(await result.ReadAsTextAsync())!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }
}
