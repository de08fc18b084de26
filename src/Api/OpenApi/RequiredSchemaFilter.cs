using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// Declares which properties a client must send and may expect, from the C# types themselves (one rule, no per-type
/// attributes): a property is required when it is not nullable and its record constructor gives it no default. That is
/// what the server enforces on requests (RespectRequiredConstructorParameters, RespectNullableAnnotations) and what it
/// writes in answers (nulls are left out, so a nullable property may be absent). A nullable property is marked nullable,
/// also when it refers to another schema (allOf, since OpenAPI 3.0 ignores siblings of $ref).
/// </summary>
public sealed class RequiredSchemaFilter : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } properties) return;
        var type = context.Type;
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var defaults = constructor?.GetParameters().Where(p => p.HasDefaultValue).Select(p => Json.Name(p.Name!)).ToHashSet() ?? [];

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = Json.Name(property.Name);
            if (!properties.TryGetValue(name, out var field)) continue;
            if (IsNullable(property))
            {
                if (field is OpenApiSchemaReference reference)
                    properties[name] = new OpenApiSchema { AllOf = [reference], Type = TypeOf(reference, context.SchemaRepository) | JsonSchemaType.Null };
                else if (field is OpenApiSchema inline && inline.Type is { } t && !t.HasFlag(JsonSchemaType.Null))
                    inline.Type = t | JsonSchemaType.Null;
                continue;
            }
            if (field is OpenApiSchema { Type: { } own } nonNull && own.HasFlag(JsonSchemaType.Null) && own != JsonSchemaType.Null)
                nonNull.Type = own & ~JsonSchemaType.Null;
            if (!defaults.Contains(name)) (target.Required ??= new SortedSet<string>(StringComparer.Ordinal)).Add(name);
        }
    }

    /// <summary>The referred schema's type: OpenAPI 3.0 writes nullable only beside a type.</summary>
    private static JsonSchemaType TypeOf(OpenApiSchemaReference reference, SchemaRepository schemas) =>
        reference.Reference.Id is { } id && schemas.Schemas.TryGetValue(id, out var target) && target.Type is { } type ? type : JsonSchemaType.Object;

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.Nullable);
}
