using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// The OpenAPI document partners read the API from. It is committed at openapi/investment-api.v1.json and a test
/// fails when the code and that file drift apart.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Dung Quat Investment API",
                Version = "v1",
                Description = "Investment promotion for the Dung Quat Economic Zone (Quang Ngai, Vietnam): investors, leads and "
                    + "contacts, investment certificates, zone targets and reports, every figure computed from recorded events. "
                    + "Errors are RFC 9457 problem details with a stable `code`. Money amounts are decimal strings, dates are "
                    + "ISO 8601 dates in Vietnam's calendar, instants are UTC. Lists are paged with `limit` (1–200) and an opaque `cursor`. "
                    + "Limits: a request body is at most 1 MiB (413), a text field at most 10,000 characters unless its schema says less, "
                    + "a client at most RateLimiting:PermitsPerMinute requests a minute (600 by default; 429 with Retry-After). "
                    + "Every write takes an Idempotency-Key; every read returns an ETag and answers 304 to If-None-Match.",
                Contact = new OpenApiContact { Name = "Dung Quat Economic Zone Management Board", Url = new Uri("https://dungquat.quangngai.gov.vn") },
            });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with a `role` claim: officer, partner or admin. In development: `dotnet user-jwts create --project src/Api --role officer`.",
            });
            MapNodaTime(options);
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "decimal", Examples = [JsonValue.Create("150000000.00")!] });
            options.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "decimal" });
            options.SupportNonNullableReferenceTypes();
            options.OperationFilter<ApiOperationFilter>();
            options.SchemaFilter<ValidationSchemaFilter>();
            options.CustomSchemaIds(SchemaId);
            foreach (var xml in Directory.GetFiles(AppContext.BaseDirectory, "Investment.*.xml"))
                options.IncludeXmlComments(xml);
        });
        return services;
    }

    /// <summary>Short, readable schema names: InvestorDetails, PageOfInvestorDetails, ProblemDetails.</summary>
    private static string SchemaId(Type type)
    {
        var name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaId))
            : type.Name;
        return type.IsNested && type.DeclaringType is { } outer && !type.IsGenericType ? outer.Name + name : name;
    }

    private static void MapNodaTime(SwaggerGenOptions options)
    {
        options.MapType<Instant>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Examples = [JsonValue.Create("2014-06-30T03:00:00Z")!] });
        options.MapType<Instant?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date-time" });
        options.MapType<LocalDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Examples = [JsonValue.Create("2014-06-30")!] });
        options.MapType<LocalDate?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date" });
        options.MapType<LocalDateTime>(() => new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("2014-06-30T09:30:00")!] });
        options.MapType<LocalDateTime?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null });
    }
}

/// <summary>
/// What every operation shares in the document: the bearer requirement and 401/403 where a role is needed, the
/// problem answers any request may get (413, 415 with a body, 500), and the request example.
/// </summary>
public sealed class ApiOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
            AddProblem(operation, context, "401", "No valid bearer token.");
            AddProblem(operation, context, "403", "The token's role does not allow this operation.");
            var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null);
            operation.Description = $"Requires the `{string.Join("`, `", policies)}` policy ({PolicyRoles(policies)}).";
        }
        if (operation.RequestBody is not null)
        {
            AddProblem(operation, context, "413", "The body is larger than this API accepts.");
            AddProblem(operation, context, "415", "The body is not JSON.");
        }
        AddProblem(operation, context, "500", "A bug: reported and logged.");
        AddProblem(operation, context, "503", "The database cannot be reached; nothing was saved. Retry after the Retry-After seconds.");
        AddProblem(operation, context, "429", "Too many requests from this client; retry after the Retry-After seconds.");

        var method = context.ApiDescription.HttpMethod ?? "";
        if (metadata.OfType<AcceptsIdempotencyKey>().Any() && method is "POST" or "PUT")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeys.Header,
                In = ParameterLocation.Header,
                Description = "A key of the client's choosing (a UUID) that makes retrying safe: the same key with the same request answers "
                    + "the first answer again and writes nothing twice; the same key with another request answers 422. Keys are kept at least 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            AddProblem(operation, context, "422", "The Idempotency-Key was already used for a different request (code idempotency.key_reused).");
        }
        if (metadata.OfType<AnswersNotModified>().Any() && method == "GET")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "An ETag from an earlier answer: 304 Not Modified, with no body, while it is still current.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses.TryAdd("304", new OpenApiResponse { Description = "Not modified since the ETag given in If-None-Match." });
        }

        if (metadata.OfType<RequestExample>().FirstOrDefault() is { } example
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true
            && media is OpenApiMediaType json)
            json.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), Json.Options);
    }

    private static string PolicyRoles(IEnumerable<string?> policies) => string.Join("; ", policies.Select(p => p switch
    {
        Policies.Officer => "roles officer, admin",
        Policies.Reader => "roles officer, partner, admin",
        Policies.Admin => "role admin",
        _ => p,
    }));

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}
