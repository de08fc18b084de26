using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// What every operation shares in the document: who may call it (in words), the bearer requirement and 401/403, the
/// problem answers any request may get (413, 415 with a body, 429, 500, 503) with the codes each may carry, the
/// headers answers carry (ETag, Location, Retry-After, Idempotent-Replayed) and requests may send (If-Match,
/// Idempotency-Key, If-None-Match), every media type a status is answered in, and the request example.
/// </summary>
public sealed class ApiOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var method = context.ApiDescription.HttpMethod ?? "";
        operation.Responses ??= [];
        operation.Parameters ??= [];
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
            AddProblem(operation, context, "401", "No valid bearer token.");
            AddProblem(operation, context, "403", "The token's role does not allow this operation.");
            var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct();
            operation.Description = $"**Who may call it:** {string.Join("; ", policies.Select(Roles))}.";
        }
        else operation.Description ??= "Anyone, without a token.";
        if (metadata.OfType<FileUpload>().FirstOrDefault() is { } upload) upload.Describe(operation);
        if (operation.RequestBody is not null)
        {
            AddProblem(operation, context, "413", "The body is larger than 1 MiB.");
            AddProblem(operation, context, "415", "The body is not JSON.");
        }
        AddProblem(operation, context, "429", "Too many requests from this client; retry after the Retry-After seconds.");
        AddProblem(operation, context, "500", "A bug: reported and logged. Quote the traceId.");
        AddProblem(operation, context, "503", "The database cannot be reached; nothing was saved. Retry after the Retry-After seconds.");

        var idempotent = metadata.OfType<AcceptsIdempotencyKey>().Any() && method is "POST" or "PUT";
        if (idempotent)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeys.Header,
                In = ParameterLocation.Header,
                Description = "Makes retrying safe. Generate one key (a UUID) per action the user took and send it with every attempt: a retry "
                    + "with the same key and body answers the first answer again (with Idempotent-Replayed: true) and writes nothing twice; the "
                    + "same key with another body answers 422 idempotency.key_reused. Printable ASCII, at most 200 characters; kept at least 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200, Pattern = "^[!-~]+$" },
                Example = JsonValue.Create("3f0b8a4e-2c1d-4e5f-9a7b-6c8d0e1f2a3b"),
            });
            AddProblem(operation, context, "422", "The Idempotency-Key was already used for a different request.");
        }
        if (operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "If-Match" && p.In == ParameterLocation.Header) is { } ifMatch)
        {
            ifMatch.Description = "The ETag of the resource as you read it (such as \"7\"): the write is refused with 412 concurrency.stale if someone "
                + "changed it since. Without it, the write applies to whatever the resource holds now.";
            ifMatch.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 };
            ifMatch.Example = JsonValue.Create("\"7\"");
        }
        if (metadata.OfType<AnswersNotModified>().Any() && method == "GET")
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "An ETag from an earlier answer: 304 Not Modified, with no body, while it is still current.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            operation.Responses.TryAdd("304", new OpenApiResponse { Description = "Not modified since the ETag given in If-None-Match.", Headers = Headers(etag: true) });
        }

        MediaTypes(operation, context, metadata);
        var versioned = metadata.OfType<AnswersNotModified>().Any(); // the API's routes: every answer with a body carries an ETag
        // A read from asynchronous projections is the one that takes minPosition: it says how fresh it is.
        var readsAsync = operation.Parameters.OfType<OpenApiParameter>().Any(p => p.Name == Freshness.Parameter && p.In == ParameterLocation.Query);
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse answer) continue;
            var success = status.StartsWith('2');
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (success && answer.Content is { Count: > 0 } && versioned) answer.Headers.TryAdd("ETag", ETag);
            if (status == "201") answer.Headers.TryAdd("Location", Location);
            if (success && idempotent) answer.Headers.TryAdd("Idempotent-Replayed", Replayed);
            if (status is "429" or "503") answer.Headers.TryAdd("Retry-After", RetryAfter);
            if (success && method is "POST" or "PUT" or "DELETE") answer.Headers.TryAdd(Freshness.PositionHeader, EventPosition);
            if (success && readsAsync)
            {
                answer.Headers.TryAdd(Freshness.CurrentToHeader, CurrentTo);
                answer.Headers.TryAdd(Freshness.StaleHeader, Stale);
            }
            if (answer.Headers.Count == 0) answer.Headers = null;
            if (!success && int.TryParse(status, out var code) && code >= 400) DescribeCodes(answer, code, operation, method);
        }

        if (metadata.OfType<RequestExample>().FirstOrDefault() is { } example
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true
            && media is OpenApiMediaType json)
            json.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), Json.Options);
    }

    private static string Roles(string? policy) => policy switch
    {
        Policies.Officer => "investment officers and admins (role `officer` or `admin`)",
        Policies.Reader => "officers, partner agencies and admins (role `officer`, `partner` or `admin`)",
        Policies.Admin => "admins only (role `admin`)",
        _ => $"the {policy} policy",
    };

    private static readonly OpenApiHeader ETag = new()
    {
        Required = true,
        Description = "The resource's version (its event stream's), to send back in If-Match on a write, or in If-None-Match on a read.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
    };

    private static readonly OpenApiHeader Location = new()
    {
        Required = true,
        Description = "The address of what was created.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 300 },
    };

    private static readonly OpenApiHeader Replayed = new()
    {
        Description = "`true` when this is the stored answer to an earlier request with the same Idempotency-Key: nothing was written again.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] },
    };

    private static readonly OpenApiHeader EventPosition = new()
    {
        Description = "The global sequence of the last event this write recorded (absent when it recorded nothing): send it as minPosition "
            + "to a report, progress or pipeline read to read your own write.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" },
    };

    private static readonly OpenApiHeader CurrentTo = new()
    {
        Required = true,
        Description = "The answer comes from asynchronous projections and counts every event recorded up to this position (as freshness.currentToPosition).",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
    };

    private static readonly OpenApiHeader Stale = new()
    {
        Required = true,
        Description = "`true` when the projections had not reached the minPosition asked for when the bounded wait ran out (as freshness.stale).",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true"), JsonValue.Create("false")] },
    };

    private static readonly OpenApiHeader RetryAfter = new()
    {
        Required = true,
        Description = "Seconds to wait before retrying.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "3600" },
    };

    private static Dictionary<string, IOpenApiHeader> Headers(bool etag) => etag ? new() { ["ETag"] = ETag } : [];

    /// <summary>
    /// A status answered in several media types (a report as JSON or CSV) gets each: the API explorer keeps only the last
    /// Produces of a status.
    /// </summary>
    private static void MediaTypes(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        foreach (var group in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.Type is not null && p.Type != typeof(void))
                     .GroupBy(p => p.StatusCode).Where(g => g.Count() > 1))
        {
            if (!operation.Responses!.TryGetValue(group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
                || response is not OpenApiResponse answer) continue;
            answer.Content ??= new Dictionary<string, IOpenApiMediaType>();
            foreach (var produced in group)
                foreach (var contentType in produced.ContentTypes)
                    answer.Content[contentType] = new OpenApiMediaType
                    {
                        Schema = produced.Type == typeof(string)
                            ? new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 10_000_000 }
                            : context.SchemaGenerator.GenerateSchema(produced.Type!, context.SchemaRepository),
                    };
        }
    }

    /// <summary>The codes an answer may carry, from the problem catalogue, narrowed to the operation's feature.</summary>
    private static void DescribeCodes(OpenApiResponse answer, int status, OpenApiOperation operation, string method)
    {
        var scopes = operation.Tags?.Select(t => t.Name).SelectMany(Scopes).ToHashSet() ?? [];
        var codes = ProblemTypes.All.Where(p => p.Status == status && (p.Scope is null || scopes.Contains(p.Scope)))
            .Where(p => method != "GET" || status is not (409 or 422))
            .Where(p => operation.RequestBody is not null || p.Code is not ("validation.failed" or "request.malformed_json"))
            .Where(p => !(p.Code.StartsWith("idempotency.", StringComparison.Ordinal) && method is not ("POST" or "PUT")))
            .Where(p => p.Code is not ("request.invalid" or "request.failed" or "request.conflict" or "request.unprocessable"))
            .Select(p => p.Code == ProblemTypes.InvalidParameter ? "request.invalid_*" : p.Code).ToList();
        if (codes.Count == 0) return;
        var list = $"Codes: {string.Join(", ", codes.Select(c => $"`{c}`"))} (each explained at /problems/{{code}}).";
        if (answer.Description?.Contains("Codes:", StringComparison.Ordinal) != true)
            answer.Description = string.IsNullOrEmpty(answer.Description) ? list : $"{answer.Description.TrimEnd('.')}. {list}";
    }

    private static IEnumerable<string> Scopes(string? tag) => tag switch
    {
        "Investors" => ["investor"],
        "Leads" => ["lead", "investor", "zone"],
        "Certificates" => ["certificate", "zone"],
        "Targets" => ["target", "zone"],
        "Imports" => ["import", "certificate"],
        "Pipeline" or "Progress and reports" or "Zones" => ["zone", "target"],
        _ => [],
    };

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

/// <summary>
/// An endpoint that takes files as multipart/form-data, read by its handler (so that routing does not answer 415 before
/// authorization answers 403): the document shows the form's parts (any names, each a file) and says what they hold.
/// </summary>
public sealed record FileUpload(string Description, long MaxBytes)
{
    internal void Describe(OpenApiOperation operation)
    {
        var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = (int)Math.Min(MaxBytes, int.MaxValue) };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = Description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = file },
                        AdditionalProperties = file,
                    },
                },
            },
        };
        operation.Description = $"{operation.Description} {Description}".Trim();
    }
}
