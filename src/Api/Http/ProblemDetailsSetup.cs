using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

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
            Localise(problem, context.HttpContext);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    /// <summary>The title and detail in the answer's language (Accept-Language); the code, type and fields stay as they are.</summary>
    private static void Localise(ProblemDetails problem, HttpContext context)
    {
        Languages.MarkAnswer(context);
        if (!Languages.InVietnamese) return;
        var code = problem.Extensions.TryGetValue("code", out var c) ? c as string : null;
        var status = problem.Status ?? context.Response.StatusCode;
        problem.Title = ProblemTexts.Title(code, status, problem.Title);
        problem.Detail = problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid
            ? $"Yêu cầu có {invalid.Errors.Sum(e => e.Value.Length)} lỗi ở các trường: {string.Join(", ", invalid.Errors.Keys)}."
            : ProblemTexts.Detail(code, problem.Detail, problem.Extensions, context);
    }

    /// <summary>Answers a problem from a middleware (before any endpoint runs), through the same problem details service.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string detail, string? title = null)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title ?? TitleFor(status), Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        413 => "Request body too large",
        429 => "Too many requests",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

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
    private static string? UnparsableQueryValue(HttpContext context) => UnparsableValue(context, context.GetEndpoint(), context.Request.RouteValues);

    /// <summary>The first query, route or header value the endpoint's parameters cannot take, named as the client sent it.</summary>
    internal static string? UnparsableValue(HttpContext context, Endpoint? endpoint, RouteValueDictionary? routeValues)
    {
        foreach (var parameter in endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var value = ValueOf(context, parameter, routeValues);
            if (!parameter.HasTryParse || string.IsNullOrEmpty(value)) continue;
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (!Parses(type, value)) return BindingFailed(value, parameter.Name);
        }
        return null;
    }

    /// <summary>A parameter that takes a simple value, may not be absent (not nullable, no default), and is absent.</summary>
    internal static string? MissingParameter(HttpContext context, Endpoint? endpoint, RouteValueDictionary? routeValues) =>
        (endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        .Where(p => p.HasTryParse && !p.IsOptional)
        .FirstOrDefault(p => string.IsNullOrEmpty(ValueOf(context, p, routeValues)))?.Name;

    private static string? ValueOf(HttpContext context, IParameterBindingMetadata parameter, RouteValueDictionary? routeValues) =>
        parameter.ParameterInfo.GetCustomAttributes(typeof(Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata), true).FirstOrDefault()
            is Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata header
            ? context.Request.Headers[header.Name ?? parameter.Name].FirstOrDefault()
            : context.Request.Query[parameter.Name].FirstOrDefault() ?? routeValues?[parameter.Name] as string;

    /// <summary>A value a parameter could not take, in the words both binding paths answer.</summary>
    internal static string BindingFailed(string value, string name) => $"The value '{value}' of '{name}' is not valid for its type.";

    private static bool Parses(Type type, string value) =>
        type == typeof(int) ? int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? bool.TryParse(value, out _)
        : type == typeof(Guid) ? Guid.TryParse(value, out _)
        : type != typeof(decimal) || decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);
}

/// <summary>The answer a layer above gives to a failure it knows (the event store's conflicts and outages); null for others.</summary>
public interface IFailureMapping
{
    (int Status, string Code, string Detail)? Map(Exception exception);
}

/// <summary>
/// Turns exceptions into problem details: binding errors name the field; the failures a layer above knows come from its
/// <see cref="IFailureMapping"/> (registered beside it), so this pipeline depends on no storage.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, IEnumerable<IFailureMapping> mappings, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, CodeForBadRequest(bad), DetailForBadRequest(bad, context)),
            _ when mappings.Select(m => m.Map(exception)).FirstOrDefault(m => m is not null) is { } known => known,
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

    /// <summary>The type the endpoint reads its body as, from its binding metadata.</summary>
    private static Type? BodyType(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Select(a => a.RequestType).LastOrDefault(t => t is not null)
        ?? endpoint?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters()
            .Select(p => p.ParameterType).FirstOrDefault(t => t.Assembly == typeof(ApiExceptionHandler).Assembly && t.IsClass);

    private static string CodeForBadRequest(BadHttpRequestException bad) => bad.StatusCode switch
    {
        400 when bad.InnerException is JsonException => "request.malformed_json",
        _ => ProblemDetailsSetup.CodeFor(bad.StatusCode),
    };

    /// <summary>
    /// A binding error names the field (by its JSON path, $.issueDate, or its parameter name) and says why, in words a
    /// client can act on. It is worked out from the exception's type, the JSON path and the endpoint's binding metadata
    /// (the body's type, the parameters), never from the framework's wording.
    /// </summary>
    private static string DetailForBadRequest(BadHttpRequestException bad, HttpContext context)
    {
        // The exception handler runs with the endpoint cleared from the context; the feature keeps the one that failed.
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = failed?.Endpoint ?? context.GetEndpoint();
        var routeValues = failed?.RouteValues ?? context.Request.RouteValues;
        if (bad.InnerException is JsonException json)
            return JsonBody.Explain(json, BodyType(endpoint), context.Request.ContentLength == 0);
        return bad.StatusCode switch
        {
            413 => "The request body is larger than this API accepts.",
            415 => "Send the body as JSON with Content-Type: application/json.",
            _ when ProblemDetailsSetup.UnparsableValue(context, endpoint, routeValues) is { } unparsable => unparsable,
            _ when ProblemDetailsSetup.MissingParameter(context, endpoint, routeValues) is { } missing => $"'{missing}' is required.",
            _ when endpoint?.Metadata.GetMetadata<IAcceptsMetadata>() is not null && context.Request.ContentLength is null or 0 => "A JSON body is required.",
            _ => "The request could not be read.",
        };
    }
}

/// <summary>
/// Why a JSON body could not be read, from what the exception is (our converters' own refusals, the reader's syntax
/// errors) and from where it happened: the JSON path resolved against the body's type tells an unknown field from a
/// value of the wrong form, and the form the field takes.
/// </summary>
internal static class JsonBody
{
    public static string Explain(JsonException json, Type? requestType, bool empty)
    {
        var where = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the request body" : $"the field '{json.Path}'";
        return $"The JSON in {where} could not be read: {Why(json, requestType, empty)}";
    }

    private static string Why(JsonException json, Type? requestType, bool empty)
    {
        if (empty) return "a JSON body is required.";
        if (json is InvalidJsonValueException ours) return ours.Explanation;
        if (json.InnerException is JsonException) // the reader's own: the text itself is not JSON
            return "the text is not valid JSON: it is incomplete (an object or array is not closed), malformed, or names a field twice in one object.";
        if (requestType is null) return "the value has the wrong type.";
        var segments = Segments(json.Path);
        var type = requestType;
        foreach (var segment in segments)
        {
            if (segment is int) type = ElementType(type) ?? typeof(object);
            else if (Json.Options.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name == (string)segment) is { } property) type = property.PropertyType;
            else return $"'{segment}' is not a field of this request.";
        }
        if (segments.Count == 0)
        {
            // A request is a record: its constructor's parameters without a default are the fields it requires.
            var required = (type.GetConstructors().MaxBy(c => c.GetParameters().Length)?.GetParameters() ?? [])
                .Where(p => !p.HasDefaultValue).Select(p => Json.Name(p.Name!)).ToList();
            return required.Count == 0 ? "the body must be a JSON object."
                : $"the body must be a JSON object with the required field(s): {string.Join(", ", required)}.";
        }
        return $"it must be {Expected(type)}; null is allowed only where a field is optional, and a field may not appear twice.";
    }

    /// <summary>$.contactPersons[0].name → contactPersons, 0, name; $['odd name'] → odd name.</summary>
    private static List<object> Segments(string? path)
    {
        var segments = new List<object>();
        if (string.IsNullOrEmpty(path)) return segments;
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) break;
                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) break;
                segments.Add(int.TryParse(path[(i + 1)..end], System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : 0);
                i = end + 1;
            }
            else break;
        }
        return segments;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return $"one of: {string.Join(", ", Enum.GetNames(type).Select(Json.Name))}";
        if (type == typeof(string)) return "text";
        if (type == typeof(decimal)) return "a decimal number written as a string, such as \"150000000.00\"";
        if (type == typeof(LocalDate)) return "a date written as 2014-06-30";
        if (type == typeof(Instant)) return "an instant written as 2014-03-10T02:30:00Z";
        if (type == typeof(LocalDateTime)) return "a local date and time written as 2014-03-10T09:30:00";
        if (type == typeof(Guid)) return "a UUID";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (ElementType(type) is not null) return "an array";
        return "a JSON object";
    }
}
