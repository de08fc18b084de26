namespace Investment.Api.Http;

/// <summary>Runs the request's FluentValidation validator before the handler: 400 with the errors per field.</summary>
public sealed class ValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null) return await next(context);

        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (result.IsValid) return await next(context);

        var errors = result.Errors
            .GroupBy(e => Camel(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return TypedResults.ValidationProblem(errors,
            detail: $"The request has {result.Errors.Count} invalid field(s): {string.Join(", ", errors.Keys)}.",
            extensions: new Dictionary<string, object?> { ["code"] = "validation.failed" });
    }

    /// <summary>FluentValidation names properties as in C# ("ContactPersons[0].Email"); JSON clients know "contactPersons[0].email".</summary>
    private static string Camel(string propertyPath) => string.Join('.', propertyPath.Split('.')
        .Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

public static class ValidationFilterExtensions
{
    /// <summary>Validates the body of type <typeparamref name="TRequest"/> and documents the 400 it may answer.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesValidationProblem();
}
