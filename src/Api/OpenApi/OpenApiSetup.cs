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
                    + "Errors are RFC 9457 problem details with a stable `code` and a `traceId`; each `type` (/problems/{code}) is a page "
                    + "explaining its code, and each answer below lists the codes it may carry. Money amounts are decimal strings, dates are "
                    + "ISO 8601 dates in Vietnam's calendar, instants are RFC 3339 (any offset accepted, answered in UTC to the second). "
                    + "Lists are paged with `limit` (1–200) and an opaque `cursor`. "
                    + "Words are in English or Vietnamese by `Accept-Language` (en, vi; quality values honoured; another language gets the "
                    + "deployment's default, English unless configured), said in `Content-Language`: problems' titles and details, field errors, "
                    + "labels (GET /api/v1/labels), workbooks; codes, field names and this document stay English. "
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
                Description = "A signed JWT (validated as RFC8725 recommends: signature, issuer, audience, lifetime; no `alg: none`) with a `sub` "
                    + "and a `role` claim: officer (the authority's investment officers), partner (partner agencies: public figures only) or admin. "
                    + "In development: `dotnet user-jwts create --project src/Api --role officer`.",
            });
            MapNodaTime(options);
            options.MapType<decimal>(() => Decimal(JsonSchemaType.String));
            options.MapType<decimal?>(() => Decimal(JsonSchemaType.String | JsonSchemaType.Null));
            options.SupportNonNullableReferenceTypes();
            // The server's address is the one the document is read from (Swagger UI and generated clients then call it).
            options.AddServer(new OpenApiServer
            {
                Url = "/",
                Description = "The server this document is read from (local, staging or production alike)",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            });
            options.OperationFilter<ApiOperationFilter>();
            options.OperationFilter<ParameterSchemas>();
            options.OperationFilter<AlternateFormats>();
            options.SchemaFilter<RequiredSchemaFilter>();
            options.SchemaFilter<ValidationSchemaFilter>();
            options.SchemaFilter<FieldExamples>();
            options.DocumentFilter<DocumentSetup>();
            options.DocumentFilter<ExamplesFromRequests>();
            options.CustomSchemaIds(SchemaId);
            foreach (var xml in Directory.GetFiles(AppContext.BaseDirectory, "Investment.*.xml"))
                options.IncludeXmlComments(xml);
        });
        services.Configure<Swashbuckle.AspNetCore.SwaggerUI.SwaggerUIOptions>(ui =>
        {
            ui.DocumentTitle = "Dung Quat Investment API";
            ui.SwaggerEndpoint($"{DocumentName}/swagger.json", "Dung Quat Investment API v1");
        });
        return services;
    }

    /// <summary>
    /// Amounts travel as decimal strings (DecimalAsStringConverter): an optional minus, digits, an optional fraction, at
    /// most 28 digits in all.
    /// </summary>
    private static OpenApiSchema Decimal(JsonSchemaType type) =>
        new() { Type = type, Format = "decimal", Pattern = "^-?[0-9]+(\\.[0-9]+)?$", MaxLength = 30 };

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
        const string instant = "RFC 3339, any offset on input (2014-03-10T09:30:00+07:00, 2014-03-10T02:30:00Z); answered in UTC to the second.";
        options.MapType<Instant>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", MaxLength = 35, Description = instant, Examples = [JsonValue.Create("2014-06-30T03:00:00Z")!] });
        options.MapType<Instant?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date-time", MaxLength = 35, Description = instant });
        options.MapType<LocalDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", MaxLength = 10, Examples = [JsonValue.Create("2014-06-30")!] });
        options.MapType<LocalDate?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date", MaxLength = 10 });
        // A wall-clock time in Vietnam, without offset.
        const string local = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?$";
        options.MapType<LocalDateTime>(() => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = local, MaxLength = 29, Examples = [JsonValue.Create("2014-06-30T09:30:00")!] });
        options.MapType<LocalDateTime?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Pattern = local, MaxLength = 29 });
    }
}


