using System.Reflection;

namespace Investment.Api.Endpoints;

/// <summary>
/// Declared once on a route group: every endpoint whose JSON body has a FluentValidation validator is validated before
/// its handler runs (400 with the errors per field, documented), and shows the body's example in the OpenAPI document
/// when the request type declares one (a static <c>Example</c> beside it). No route repeats this wiring.
/// </summary>
public static class BodyConventions
{
    public static TBuilder WithBodyValidationAndExamples<TBuilder>(this TBuilder group) where TBuilder : IEndpointConventionBuilder
    {
        // Group conventions run before the framework infers the body from the handler, so the body is found here from the
        // handler's parameters: the one whose type has a validator registered, else the one declaring an example.
        group.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler) return;
            var services = endpoint.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
            var parameters = handler.GetParameters();
            var validators = parameters.Select(p => typeof(IValidator<>).MakeGenericType(p.ParameterType)).ToArray();
            var index = Array.FindIndex(validators, services.IsService);
            if (index >= 0)
            {
                var validatorType = validators[index];
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails),
                    ["application/problem+json"]));
                endpoint.FilterFactories.Add((_, next) => invocation => ValidationFilter.Validate(invocation, index, validatorType, next));
            }
            if (parameters.Select(p => Example(p.ParameterType)).FirstOrDefault(e => e is not null) is { } example)
                endpoint.Metadata.Add(new RequestExample(example));
        });
        return group;
    }

    /// <summary>The example a request type declares: a static Example on the type or on the type it is nested in.</summary>
    private static object? Example(Type body)
    {
        const BindingFlags Static = BindingFlags.Public | BindingFlags.Static;
        foreach (var owner in new[] { body, body.DeclaringType })
        {
            if (owner?.GetField("Example", Static) is { } field && field.FieldType == body) return field.GetValue(null);
            if (owner?.GetProperty("Example", Static) is { } property && property.PropertyType == body) return property.GetValue(null);
        }
        return null;
    }
}

/// <summary>An example request body shown in the OpenAPI document and Swagger UI.</summary>
public sealed record RequestExample(object Value);
