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
        if (context.Type == typeof(Investment.Domain.Common.Money)) DescribeMoney(target);
        foreach (var (name, property) in target.Properties)
        {
            var field = property is OpenApiSchema { AllOf: null } inline ? inline : null;
            if (field is not { Format: "decimal", Examples: null }) continue;
            field.Examples = [JsonValue.Create(ExampleFor(name))];
        }
    }

    /// <summary>MoneyValidator's rules (Money.Problem), which no schema keyword expresses across two fields, in words.</summary>
    private static void DescribeMoney(OpenApiSchema money)
    {
        Say(money, "amount", "At most 1,000,000,000,000,000, with at most 2 decimals; negative only for a capital reduction (an amendment).");
        Say(money, "exchangeRate", "For VND only, and then required: the VND for one USD, from 1 to 1,000,000, at most 6 decimals.");
        Say(money, "rateDate", "For VND only, and then required: the date of the exchange rate.");
    }

    private static void Say(OpenApiSchema schema, string property, string text)
    {
        if (schema.Properties!.TryGetValue(property, out var field) && field is OpenApiSchema inline) inline.Description = text;
    }

    private static string ExampleFor(string name) =>
        name.Contains("hectares", StringComparison.OrdinalIgnoreCase) ? "28.5"
        : name.Contains("exchangeRate", StringComparison.OrdinalIgnoreCase) ? "21246"
        : name.Contains("elapsed", StringComparison.OrdinalIgnoreCase) || name.Contains("share", StringComparison.OrdinalIgnoreCase)
            || name.Contains("conversion", StringComparison.OrdinalIgnoreCase) ? "0.5"
        : name.Contains("days", StringComparison.OrdinalIgnoreCase) ? "45"
        : "150000000.00";
}
