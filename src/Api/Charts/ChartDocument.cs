using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Investment.Api.Charts;

/// <summary>
/// A chart's 200 in the document: the route declares its data as JSON (so it carries the ETag like every read); this
/// adds the SVG (the default) and the PNG beside it, and the Accept-Language its words follow.
/// </summary>
public sealed class ChartDocument : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AnswersChart>().Any()) return;
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
        response.Description = "The chart as SVG (the default, also for */*), as PNG with Accept: image/png, or the data it is drawn from "
            + "with Accept: application/json. The same data draws the same bytes.";
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        response.Content["image/svg+xml"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 5_000_000, Description = "An SVG document, 960 × 540." },
        };
        response.Content["image/png"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = 5_000_000, Description = "A PNG image, 960 × 540." },
        };
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["Content-Language"] = new OpenApiHeader
        {
            Required = true,
            Description = "The language of the chart's words: vi or en.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("vi"), JsonValue.Create("en")] },
        };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Accept-Language",
            In = ParameterLocation.Header,
            Description = "vi (Vietnamese) or en (English; also for any other language), quality values honoured: the title, axes, legend and labels.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            Example = JsonValue.Create("vi-VN,vi;q=0.9,en;q=0.8"),
        });
    }
}

public static class ChartsSetup
{
    public static IServiceCollection AddCharts(this IServiceCollection services) =>
        services.Configure<SwaggerGenOptions>(o => o.OperationFilter<ChartDocument>());

    /// <summary>A chart's route: its data as the JSON answer of 200, the SVG and PNG beside it (ChartDocument).</summary>
    public static RouteHandlerBuilder AnswersChart<TData>(this RouteHandlerBuilder route) =>
        route.Produces<TData>(StatusCodes.Status200OK, "application/json").WithMetadata(new AnswersChart(typeof(TData)));
}
