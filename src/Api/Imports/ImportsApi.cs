using Microsoft.AspNetCore.Http.Metadata;

namespace Investment.Api.Imports;

public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.Admin);

        imports.MapGet("/template", GetImportTemplate.Handle)
            .WithName("GetImportTemplate").WithSummary("The .xlsx template for bringing in an existing registry: one sheet per kind, an example row each, every column explained (English and Vietnamese)")
            .Produces(StatusCodes.Status200OK, contentType: GetImportTemplate.Xlsx);
        imports.MapPost("/", StartImport.Handle)
            .WithName("StartImport").WithSummary("Import an existing registry (.xlsx or CSV per sheet) with provenance: all or nothing, idempotent by natural keys; ?dryRun=true checks only")
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitMetadata(StartImport.MaxBytes))
            .Produces<ImportRecord>(StatusCodes.Status201Created).Produces<ImportRecord>(StatusCodes.Status200OK).Produces<ImportRecord>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        imports.MapGet("/", ListImports.Handle)
            .WithName("ListImports").WithSummary("Past imports, newest first: who ran them, when, and what they gave")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        imports.MapGet("/{id:guid}", GetImport.Handle)
            .WithName("GetImport").WithSummary("An import: status, progress (rows done of rows total), rows read, created and unchanged per sheet, every problem")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private sealed class RequestSizeLimitMetadata(long size) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => size;
    }
}
