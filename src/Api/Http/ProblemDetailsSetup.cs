using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Investment.Api.Http;

/// <summary>
/// Problem details for what no handler answers itself: unknown routes, wrong methods, authentication, malformed bodies,
/// and exceptions. Each gets a stable <c>code</c>; nothing internal (stack traces, SQL) reaches a client.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", CodeFor(problem.Status ?? context.HttpContext.Response.StatusCode));
            if (problem.Extensions["code"] is string code) problem.Type = ProblemTypes.UriOf(code);
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Detail ??= DetailFor(problem.Status ?? context.HttpContext.Response.StatusCode, context.HttpContext);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static string CodeFor(int status) => status switch
    {
        400 => "request.invalid",
        401 => "auth.unauthenticated",
        403 => "auth.forbidden",
        404 => "resource.not_found",
        405 => "request.method_not_allowed",
        406 => "request.not_acceptable",
        409 => "request.conflict",
        412 => "concurrency.stale",
        413 => "request.too_large",
        415 => "request.unsupported_media_type",
        422 => "request.unprocessable",
        429 => "request.rate_limited",
        503 => "service.unavailable",
        _ => status >= 500 ? "server.error" : "request.failed",
    };

    private static string? DetailFor(int status, HttpContext context) => status switch
    {
        400 => UnparsableQueryValue(context),
        401 => "A valid bearer token is required: send Authorization: Bearer <token>.",
        403 => "Your role does not allow this operation.",
        404 => $"No resource at {context.Request.Path}.",
        405 => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
        413 => "The request body is larger than this API accepts.",
        415 => "Send the body as JSON with Content-Type: application/json.",
        _ => null,
    };

    /// <summary>
    /// The request delegates compiled ahead of time (EnableRequestDelegateGenerator, for start-up) answer a query value
    /// they cannot parse into an optional parameter (limit=ten) with a bare 400 instead of the exception the runtime
    /// ones throw; this names the value and the parameter the same way (ApiExceptionHandler), from the endpoint's own
    /// parameter list.
    /// </summary>
    private static string? UnparsableQueryValue(HttpContext context)
    {
        foreach (var parameter in context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Http.Metadata.IParameterBindingMetadata>() ?? [])
        {
            var value = context.Request.Query[parameter.Name].FirstOrDefault();
            if (!parameter.HasTryParse || string.IsNullOrEmpty(value)) continue;
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (!Parses(type, value)) return BindingFailed(value, parameter.Name);
        }
        return null;
    }

    /// <summary>A value a parameter could not take, in the words both binding paths answer.</summary>
    internal static string BindingFailed(string value, string name) => $"The value '{value}' of '{name}' is not valid for its type.";

    private static bool Parses(Type type, string value) =>
        type == typeof(int) ? int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? bool.TryParse(value, out _)
        : type == typeof(Guid) ? Guid.TryParse(value, out _)
        : type != typeof(decimal) || decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);
}

/// <summary>Turns exceptions into problem details: binding errors name the field, database outages answer 503.</summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, CodeForBadRequest(bad), DetailForBadRequest(bad)),
            // Safety nets: a handler that did not expect a concurrent write still answers 409, never 500.
            JasperFx.ConcurrencyException => (StatusCodes.Status409Conflict, "concurrency.conflict",
                "Another change to this resource was saved at the same moment; nothing of this request was saved. Read it again and retry."),
            JasperFx.DocumentAlreadyExistsException => (StatusCodes.Status409Conflict, "resource.conflict",
                "Something with the same identity was saved at the same moment; nothing of this request was saved. Read again and retry."),
            _ when Database.DatabaseConnection.IsUnreachable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "database.unavailable", "The database cannot be reached right now; nothing was saved. Retry later."),
            _ => (StatusCodes.Status500InternalServerError, "server.error", "An unexpected error occurred; it has been logged."),
        };
        if (status == 500) LogFailure(logger, exception, context.Request.Method, context.Request.Path);

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = status switch
                {
                    >= 500 => "The request could not be completed",
                    409 => "Concurrent change",
                    _ => "The request could not be read",
                },
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);

    private static string CodeForBadRequest(BadHttpRequestException bad) => bad.StatusCode switch
    {
        400 when bad.InnerException is JsonException => "request.malformed_json",
        _ => ProblemDetailsSetup.CodeFor(bad.StatusCode),
    };

    /// <summary>
    /// A binding error names the field (by its JSON path, $.issueDate, or its parameter name) and says why, in words a
    /// client can act on, without the .NET type names the framework puts in its messages.
    /// </summary>
    private static string DetailForBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var where = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the request body" : $"the field '{json.Path}'";
            return $"The JSON in {where} could not be read: {Explain(json)}";
        }
        if (FailedToBind().Match(bad.Message) is { Success: true } binding)
            return ProblemDetailsSetup.BindingFailed(binding.Groups["value"].Value, binding.Groups["name"].Value);
        if (RequiredParameter().Match(bad.Message) is { Success: true } missing)
            return $"'{missing.Groups["name"].Value}' is required.";
        return bad.StatusCode switch
        {
            413 => "The request body is larger than this API accepts.",
            415 => "Send the body as JSON with Content-Type: application/json.",
            _ when bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("body was provided", StringComparison.Ordinal)
                => "A JSON body is required.",
            _ => "The request could not be read.",
        };
    }

    private static string Explain(JsonException json)
    {
        var message = json.InnerException?.Message ?? json.Message;
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal)) return "a JSON body is required.";
        if (UnmappedMember().Match(message) is { Success: true } unmapped) return $"'{unmapped.Groups["name"].Value}' is not a field of this request.";
        if (NullNotAllowed().Match(message) is { Success: true } nulled) return $"'{Json.Name(nulled.Groups["name"].Value)}' must not be null.";
        if (MissingRequired().Match(message) is { Success: true } missing) return $"required field(s) missing: {missing.Groups["names"].Value}.";
        if (message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)) return "a property appears twice in the same object.";
        if (message.Contains("could not be converted", StringComparison.Ordinal)) return "the value has the wrong type or is not one of the allowed values.";
        if (message.Contains("maximum configured depth", StringComparison.Ordinal)) return "the JSON is nested too deeply.";
        if (message.Contains("Expected depth to be zero", StringComparison.Ordinal) || message.Contains("end of data", StringComparison.Ordinal))
            return "the JSON is incomplete (an object or array is not closed).";
        if (message.Contains("is an invalid", StringComparison.Ordinal) || message.Contains("is invalid", StringComparison.Ordinal))
            return "the text is not valid JSON.";
        // NodaTime's and our converters' messages describe the value, not our types ("The value string does not match...").
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return TypeName().Replace(cut > 0 ? message[..cut] : message, "the expected type");
    }

    [System.Text.RegularExpressions.GeneratedRegex("Failed to bind parameter \"(?:[^\"]*\\s)?(?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex FailedToBind();

    [System.Text.RegularExpressions.GeneratedRegex("Required parameter \"(?:[^\"]*\\s)?(?<name>\\w+)\" was not provided")]
    private static partial System.Text.RegularExpressions.Regex RequiredParameter();

    [System.Text.RegularExpressions.GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial System.Text.RegularExpressions.Regex UnmappedMember();

    [System.Text.RegularExpressions.GeneratedRegex("(?:parameter|property) '(?<name>[^']*)' on type '[^']*' doesn't allow null")]
    private static partial System.Text.RegularExpressions.Regex NullNotAllowed();

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: (?<names>.*?)\\.?$")]
    private static partial System.Text.RegularExpressions.Regex MissingRequired();

    [System.Text.RegularExpressions.GeneratedRegex("(?:System|NodaTime|Investment)(?:\\.\\w+)+(?:`\\d+)?(?:\\[[^\\]]*\\])?")]
    private static partial System.Text.RegularExpressions.Regex TypeName();
}
