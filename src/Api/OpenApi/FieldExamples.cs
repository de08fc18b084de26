using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// An example per decimal field that fits what it holds, so that Swagger UI's sample answers read like the API's
/// (28.5 hectares, not 150000000.00): amounts by default, by their name otherwise.
/// </summary>
public sealed class FieldExamples : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is null) return;
        foreach (var (name, property) in target.Properties)
        {
            var field = property is OpenApiSchema { AllOf: null } inline ? inline : null;
            if (field is not { Format: "decimal", Examples: null }) continue;
            field.Examples = [JsonValue.Create(ExampleFor(name))];
        }
    }

    private static string ExampleFor(string name) =>
        name.Contains("hectares", StringComparison.OrdinalIgnoreCase) ? "28.5"
        : name.Contains("exchangeRate", StringComparison.OrdinalIgnoreCase) ? "21246"
        : name.Contains("elapsed", StringComparison.OrdinalIgnoreCase) || name.Contains("share", StringComparison.OrdinalIgnoreCase)
            || name.Contains("conversion", StringComparison.OrdinalIgnoreCase) ? "0.5"
        : name.Contains("days", StringComparison.OrdinalIgnoreCase) ? "45"
        : "150000000.00";
}
