using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.Reports;

/// <summary>
/// The report answers JSON or CSV for the same 200. The API explorer keeps one type per status code, so declaring both
/// left only the CSV in the document and the report's JSON schema (with its sign conventions) out of it. The route
/// declares the JSON; this adds the CSV beside it.
/// </summary>
public sealed class ReportCsvDocument : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "GetZoneReport" || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        response.Content["text/csv"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "UTF-8 with a byte-order mark: section,item,date,certificate,project,country,sector,count,amountUsd. Every amount "
                    + "positive, its sign carried by the row's name: attracted = newCertificates + capitalAdded − capitalReduced.",
            },
        };
    }
}
