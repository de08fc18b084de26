using System.Globalization;
using System.Reflection;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// Writes the limits the validators enforce into the schemas (maxLength, minLength, pattern, format, maxItems,
/// minItems, minimum, maximum), so partners read the same bounds the API applies: one source for both. Every
/// validator of the API's assembly is read, wherever it is declared (nested in an endpoint's class or not), and so are
/// the validators it delegates to: SetValidator (a child's rules go to the child's schema), ChildRules and RuleForEach
/// (their rules go to the array's items).
/// </summary>
public sealed class ValidationSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<Type, IValidator[]> ValidatorsByType = typeof(ValidationSchemaFilter).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)
            && t.GetConstructor(Type.EmptyTypes) is not null && ValidatedType(t) is not null)
        .GroupBy(t => ValidatedType(t)!)
        .ToDictionary(g => g.Key, g => g.Select(t => (IValidator)Activator.CreateInstance(t)!).ToArray());

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || !ValidatorsByType.TryGetValue(context.Type, out var validators)) return;
        foreach (var validator in validators) Describe(validator, target, context.SchemaRepository, depth: 0);
    }

    private static Type? ValidatedType(Type validator)
    {
        for (var t = validator; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)) return t.GetGenericArguments()[0];
        return null;
    }

    private static void Describe(IValidator validator, OpenApiSchema target, SchemaRepository schemas, int depth)
    {
        if (depth > 5 || validator is not IEnumerable<IValidationRule> rules) return;
        foreach (var rule in rules)
        {
            var field = string.IsNullOrEmpty(rule.PropertyName) ? target
                : rule.PropertyName.Contains('.', StringComparison.Ordinal) ? null // a rule on a part of a shared schema: said in words
                : target.Properties?.TryGetValue(Json.Name(rule.PropertyName), out var property) == true ? Resolve(property, schemas) : null;
            if (field is null) continue;
            if (IsCollectionRule(rule)) field = field.Items is { } items ? Resolve(items, schemas) : null;
            if (field is null) continue;
            foreach (var component in rule.Components) Apply(component.Validator, field, schemas, depth);
        }
    }

    private static void Apply(IPropertyValidator rule, OpenApiSchema field, SchemaRepository schemas, int depth)
    {
        var isString = field.Type?.HasFlag(JsonSchemaType.String) == true;
        var isArray = field.Type?.HasFlag(JsonSchemaType.Array) == true;
        switch (rule)
        {
            case ILengthValidator length when isString:
                if (length.Max > 0) field.MaxLength = length.Max;
                if (length.Min > 0) field.MinLength = length.Min;
                break;
            case INotEmptyValidator when isString && field.Format is null:
                field.MinLength ??= 1;
                break;
            case INotEmptyValidator when isArray:
                field.MinItems ??= 1;
                break;
            case IMaxItemsValidator items when isArray:
                field.MaxItems = items.Max;
                break;
            case IRegularExpressionValidator pattern when isString:
                field.Pattern = pattern.Expression;
                break;
            case IEmailValidator when isString:
                field.Format = "email";
                break;
            case IBetweenValidator between when IsNumber(field):
                field.Minimum = Number(between.From);
                field.Maximum = Number(between.To);
                break;
            case IBetweenValidator between:
                Say(field, $"From {Number(between.From)} to {Number(between.To)}.");
                break;
            case IComparisonValidator { ValueToCompare: not null } comparison when IsNumber(field):
                if (comparison.Comparison is Comparison.GreaterThanOrEqual) field.Minimum = Number(comparison.ValueToCompare);
                if (comparison.Comparison is Comparison.LessThanOrEqual) field.Maximum = Number(comparison.ValueToCompare);
                break;
            case IComparisonValidator { ValueToCompare: not null } comparison when comparison.Comparison is Comparison.GreaterThanOrEqual:
                Say(field, $"At least {Number(comparison.ValueToCompare)}.");
                break;
            case IComparisonValidator { ValueToCompare: not null } comparison when comparison.Comparison is Comparison.LessThanOrEqual:
                Say(field, $"At most {Number(comparison.ValueToCompare)}.");
                break;
            case IChildValidatorAdaptor child when ChildValidator(child) is { } inner:
                Describe(inner, field, schemas, depth + 1);
                break;
        }
    }

    /// <summary>A property's own schema, or the component it refers to (whose limits then hold wherever it is used).</summary>
    private static OpenApiSchema? Resolve(IOpenApiSchema schema, SchemaRepository schemas) => schema switch
    {
        OpenApiSchema { AllOf: [OpenApiSchemaReference inner] } => Resolve(inner, schemas),
        OpenApiSchema inline => inline,
        OpenApiSchemaReference { Reference.Id: { } id } when schemas.Schemas.TryGetValue(id, out var component) => component as OpenApiSchema,
        _ => null,
    };

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>The validator a SetValidator or ChildRules delegates to (FluentValidation hands it out only with a context).</summary>
    private static IValidator? ChildValidator(IChildValidatorAdaptor adaptor)
    {
        var getValidator = adaptor.GetType().GetMethod("GetValidator", BindingFlags.Public | BindingFlags.Instance);
        try
        {
            // ChildRules hands its rules out through a provider that reads the context: give it one, for no instance.
            var context = getValidator is null ? null : Activator.CreateInstance(getValidator.GetParameters()[0].ParameterType, [null]);
            if (getValidator?.Invoke(adaptor, [context, null]) is IValidator validator) return validator;
        }
        catch (TargetInvocationException)
        {
            // a validator chosen per value: fall back to one built without arguments
        }
        return adaptor.ValidatorType.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(adaptor.ValidatorType) as IValidator : null;
    }

    private static bool IsNumber(OpenApiSchema field) => field.Type?.HasFlag(JsonSchemaType.Integer) == true || field.Type?.HasFlag(JsonSchemaType.Number) == true;

    private static void Say(OpenApiSchema field, string sentence)
    {
        if (field.Description?.Contains(sentence, StringComparison.Ordinal) == true) return;
        field.Description = string.IsNullOrEmpty(field.Description) ? sentence : field.Description.TrimEnd() + " " + sentence;
    }

    private static string? Number(object? value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : null;
}
