using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// What the document says once: the tags in words, and the problem schema as the API writes it (RFC 9457 plus
/// <c>code</c> and <c>traceId</c>, and <c>errors</c> on a validation problem).
/// </summary>
public sealed class DocumentSetup : IDocumentFilter
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Zones", "The economic and industrial zones of the plan (reference data): codes such as `dung-quat` name them everywhere."),
        ("Investors", "The investor registry: legal name, country, sectors, contact persons (officers only). Duplicates (same country and name) are refused."),
        ("Leads", "Prospective projects and the contacts officers log with investors, from prospect to certified or lost. Officers and admins only: leads name people."),
        ("Pipeline", "A zone's pipeline for partners: leads and estimated capital per stage, no names; also as a funnel chart (SVG or PNG)."),
        ("Certificates", "Investment certificates as issued, amended, inspected, suspended, resumed or revoked, and the revocation watchlist."),
        ("Targets", "A zone's target of attracted capital for a year, set and revised by decision (admins)."),
        ("Progress and reports", "Attracted capital against the target, computed from the certificates' events under a named counting rule; the first-half and yearly reports as JSON, CSV or an Excel workbook; the progress and the pipeline as charts (SVG or PNG)."),
        ("Labels", "The words to show for every code the API uses (sectors, stages, channels, statuses, legal grounds…), in English or Vietnamese by Accept-Language."),
        ("Health", "Liveness and readiness, for load balancers and containers (anonymous)."),
    ];

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null) return;
        if (schemas.ContainsKey("ProblemDetails")) schemas["ProblemDetails"] = Problem(validation: false);
        if (schemas.ContainsKey("HttpValidationProblemDetails")) schemas["HttpValidationProblemDetails"] = Problem(validation: true);
    }

    private static OpenApiSchema Problem(bool validation)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI per code, relative to the API, leading to a page that explains it.", "uri-reference", 200, "/problems/lead.not_found"),
            ["title"] = Text("A short summary of the kind of problem.", null, 200, "Not found"),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Examples = [JsonValue.Create(404)] },
            ["detail"] = Text("What was wrong, in words a person can act on.", null, 2000, "No lead has id 0190f4a2-7c1e-7d3a-9b1f-4e2d8c6a5b10."),
            ["instance"] = Text("The path of the request.", null, 2000, "/api/v1/leads/0190f4a2-7c1e-7d3a-9b1f-4e2d8c6a5b10"),
            ["code"] = Text("The stable, machine-readable code: compare this, not the words.", null, 100, "lead.not_found"),
            ["traceId"] = Text("Quote it when reporting a problem: it finds the request in the logs.", null, 100, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        };
        var required = new SortedSet<string>(StringComparer.Ordinal) { "type", "title", "status", "code", "traceId" };
        if (validation)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The messages per field, named by their JSON path (contactPersons[0].email).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = 50, Items = Text(null, null, 2000, null) },
            };
            required.Add("errors");
        }
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation
                ? "A validation problem (code validation.failed): RFC 9457 problem details with the errors per field."
                : "RFC 9457 problem details with a stable code. Some problems add members: currentVersion (412), the existing resource's id (409 duplicates).",
            Properties = properties,
            Required = required,
            AdditionalProperties = new OpenApiSchema(),
        };
    }

    private static OpenApiSchema Text(string? description, string? format, int max, string? example) => new()
    {
        Type = JsonSchemaType.String, Description = description, Format = format, MaxLength = max,
        Examples = example is null ? null : [JsonValue.Create(example)],
    };
}

/// <summary>
/// Realistic examples per field: each property named like a field of a request example (projectName, legalName,
/// summary, number…) shows that example's value, in requests and answers alike, where it has none of its own.
/// </summary>
public sealed class ExamplesFromRequests : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var examples = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var description in context.ApiDescriptions)
            if (description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().FirstOrDefault() is { } example
                && System.Text.Json.JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), Json.Options) is JsonObject body)
                Collect(body, examples);

        foreach (var schema in swaggerDoc.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                if (property is OpenApiSchema { Examples: null, Enum: null, AllOf: null } field && examples.TryGetValue(name, out var value)
                    && Fits(field, value))
                    field.Examples = [value.DeepClone()];
    }

    private static void Collect(JsonObject body, Dictionary<string, JsonNode> examples)
    {
        foreach (var (name, value) in body)
        {
            if (value is JsonObject nested) Collect(nested, examples);
            else if (value is JsonArray { Count: > 0 } items && items[0] is JsonObject first) Collect(first, examples);
            else if (value is not null) examples.TryAdd(name, value);
        }
    }

    /// <summary>Only where the value is of the field's kind: a text for a text, a list of texts for a list of texts.</summary>
    private static bool Fits(OpenApiSchema field, JsonNode value) => value switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String =>
            field.Type?.HasFlag(JsonSchemaType.String) == true && field.Format is null or "email" or "uuid"
            && (field.MaxLength is not { } max || v.GetValue<string>().Length <= max),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => field.Type?.HasFlag(JsonSchemaType.Integer) == true,
        JsonArray a => field.Type?.HasFlag(JsonSchemaType.Array) == true && field.Items is OpenApiSchema { Type: { } t } && t.HasFlag(JsonSchemaType.String)
            && a.All(x => x is JsonValue s && s.GetValueKind() == System.Text.Json.JsonValueKind.String),
        _ => false,
    };
}
