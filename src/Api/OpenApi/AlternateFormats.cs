using Investment.Api.Documents;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.OpenApi;

/// <summary>
/// Reads that answer JSON, CSV or a workbook for the same 200. The API explorer keeps one type per status code, so
/// declaring them all left one media type in the document and the JSON schema (with its sign conventions) out of it.
/// The route declares the JSON and names the other forms (<see cref="AlsoAnswers"/>); this adds them beside it.
/// </summary>
public sealed class AlternateFormats : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var others = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AlsoAnswers>().ToList();
        if (others.Count == 0 || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        foreach (var other in others)
            response.Content[other.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = other.MediaType == Spreadsheet.MediaType ? "binary" : null,
                    Description = other.Description,
                },
            };
    }
}
