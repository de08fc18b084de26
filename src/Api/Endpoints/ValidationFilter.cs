namespace Investment.Api.Endpoints;

/// <summary>Runs the body's FluentValidation validator before the handler: 400 with the errors per field.</summary>
public static class ValidationFilter
{
    public static async ValueTask<object?> Validate(EndpointFilterInvocationContext invocation, int index, Type validatorType, EndpointFilterDelegate next)
    {
        if (invocation.Arguments[index] is not { } request) return await next(invocation);
        var validator = (IValidator)invocation.HttpContext.RequestServices.GetRequiredService(validatorType);
        var result = await validator.ValidateAsync(new ValidationContext<object>(request), invocation.HttpContext.RequestAborted);
        if (result.IsValid) return await next(invocation);

        var errors = result.Errors
            .GroupBy(e => Camel(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => FieldMessages.Localise(e.ErrorMessage)).Distinct().ToArray());
        return TypedResults.ValidationProblem(errors,
            detail: $"The request has {result.Errors.Count} invalid field(s): {string.Join(", ", errors.Keys)}.",
            extensions: new Dictionary<string, object?> { ["code"] = "validation.failed" });
    }

    /// <summary>FluentValidation names properties as in C# ("ContactPersons[0].Email"); JSON clients know "contactPersons[0].email".</summary>
    private static string Camel(string propertyPath) => string.Join('.', propertyPath.Split('.')
        .Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
