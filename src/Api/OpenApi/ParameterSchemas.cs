using System.Text.Json.Nodes;
using Investment.Domain.Certificates;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// Query and path values the handlers take as text and check themselves (QueryValues, Paging, the reports' year)
/// declared as what they are: enums (Swagger UI shows a list), dates (a date picker), bounded numbers and texts. Keyed by
/// parameter name, which means the same everywhere in this API; a test sends every value declared here.
/// </summary>
public sealed class ParameterSchemas : IOperationFilter
{
    private static readonly Dictionary<string, Func<OperationFilterContext, IOpenApiSchema>> ByName = new(StringComparer.Ordinal)
    {
        ["status"] = Component<CertificateStatus>,
        ["sector"] = Component<Sector>,
        ["stage"] = Component<LeadStage>,
        ["sort"] = _ => Values("-issuedOn", "issuedOn", "-issuedOn", "capital", "-capital"),
        ["period"] = _ => Values(null, Reports.GetZoneReport.FirstHalf, Reports.GetZoneReport.WholeYear),
        ["format"] = Formats,
        ["delimiter"] = _ => Values("comma", "comma", "semicolon"),
        ["asOf"] = _ => Date(),
        ["followUpDueBy"] = _ => Date(),
        ["openedFrom"] = _ => Date(),
        ["openedTo"] = _ => Date(),
        ["year"] = _ => Integer(2000, 2100),
        ["issueYear"] = _ => Integer(1990, 2100),
        ["limit"] = _ => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Paging.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = JsonValue.Create(Paging.DefaultLimit),
        },
        ["country"] = _ => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 2, MaxLength = 2, Pattern = "^[A-Za-z]{2}$", Examples = [JsonValue.Create("KR")] },
        ["zone"] = _ => ZoneCode(),
        ["code"] = _ => ZoneCode(),
        ["owner"] = _ => Text(100, "officer.nguyen"),
        ["number"] = _ => Text(50, "341043000012"),
        ["q"] = _ => Text(200, "doosan"),
        ["cursor"] = _ => Text(500, null),
        [Freshness.Parameter] = _ => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Maximum = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Examples = [JsonValue.Create(1234)],
        },
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            if (parameter.In is ParameterLocation.Query or ParameterLocation.Path && parameter.Name is { } name && ByName.TryGetValue(name, out var schema))
                parameter.Schema = schema(context);
    }

    /// <summary>json, and the forms the operation declares it also answers (csv, xlsx).</summary>
    private static OpenApiSchema Formats(OperationFilterContext context)
    {
        var others = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Documents.AlsoAnswers>().Select(a => a.MediaType).ToList();
        var values = new List<string> { "json" };
        if (others.Contains("text/csv")) values.Add("csv");
        if (others.Contains(Documents.Spreadsheet.MediaType)) values.Add("xlsx");
        return Values("json", [.. values]);
    }

    /// <summary>The enum's own schema, shared with the bodies, so that generated clients have one type for it.</summary>
    private static IOpenApiSchema Component<T>(OperationFilterContext context) where T : struct, System.Enum =>
        context.SchemaGenerator.GenerateSchema(typeof(T), context.SchemaRepository);

    private static OpenApiSchema Values(string? @default, params string[] values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))], Default = @default is null ? null : JsonValue.Create(@default) };

    private static OpenApiSchema Date() =>
        new() { Type = JsonSchemaType.String, Format = "date", MaxLength = 10, Examples = [JsonValue.Create("2014-07-05")] };

    private static OpenApiSchema Integer(int min, int max) =>
        new() { Type = JsonSchemaType.Integer, Format = "int32", Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture), Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture), Examples = [JsonValue.Create(2014)] };

    private static OpenApiSchema ZoneCode() =>
        new() { Type = JsonSchemaType.String, MaxLength = 50, Pattern = "^[a-z0-9-]+$", Examples = [JsonValue.Create("dung-quat")] };

    private static OpenApiSchema Text(int max, string? example) =>
        new() { Type = JsonSchemaType.String, MaxLength = max, Examples = example is null ? null : [JsonValue.Create(example)] };
}
