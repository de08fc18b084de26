using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// Writes the limits the validators enforce into the request schemas (maxLength, minLength, maxItems, minimum,
/// maximum), so partners read the same bounds the API applies: one source for both.
/// </summary>
public sealed class ValidationSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is null) return;
        if (context.Type.GetNestedType("Validator", BindingFlags.Public) is not { } validatorType
            || Activator.CreateInstance(validatorType) is not IValidator validator) return;

        var descriptor = validator.CreateDescriptor();
        foreach (var member in descriptor.GetMembersWithValidators())
        {
            if (string.IsNullOrEmpty(member.Key)) continue; // a rule on the whole request
            var name = Json.Name(member.Key);
            if (!target.Properties.TryGetValue(name, out var property) || property is not OpenApiSchema field) continue;
            foreach (var (rule, _) in member)
            {
                switch (rule)
                {
                    case ILengthValidator length:
                        if (length.Max > 0) field.MaxLength = length.Max;
                        if (length.Min > 0) field.MinLength = length.Min;
                        break;
                    case INotEmptyValidator when field.Type?.HasFlag(JsonSchemaType.String) == true:
                        field.MinLength ??= 1;
                        break;
                    case INotEmptyValidator when field.Type?.HasFlag(JsonSchemaType.Array) == true:
                        field.MinItems ??= 1;
                        break;
                    case IMaxItemsValidator items:
                        field.MaxItems = items.Max;
                        break;
                    case IBetweenValidator between:
                        field.Minimum = Number(between.From);
                        field.Maximum = Number(between.To);
                        break;
                    case IComparisonValidator { ValueToCompare: not null } comparison:
                        if (comparison.Comparison is Comparison.GreaterThanOrEqual) field.Minimum = Number(comparison.ValueToCompare);
                        if (comparison.Comparison is Comparison.LessThanOrEqual) field.Maximum = Number(comparison.ValueToCompare);
                        break;
                }
            }
        }
    }

    private static string? Number(object? value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : null;
}
