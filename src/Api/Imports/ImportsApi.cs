using Microsoft.AspNetCore.Http.Metadata;

namespace Investment.Api.Imports;

public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.Admin);

        imports.MapGet("/template", GetImportTemplate.Handle)
            .WithName("GetImportTemplate").WithSummary("The .xlsx template for bringing in an existing registry: one sheet per kind, an example row each, every column explained (English and Vietnamese)")
            // IFormFile: the document's way of saying "a file" (string, binary) for the answer's body.
            .Produces<IFormFile>(StatusCodes.Status200OK, GetImportTemplate.Xlsx);
        imports.MapPost("/", StartImport.Handle)
            .WithName("StartImport").WithSummary("Import an existing registry (.xlsx or CSV per sheet) with provenance: all or nothing, idempotent by natural keys; ?dryRun=true checks only")
            .WithMetadata(new Investment.Api.OpenApi.FileUpload("multipart/form-data: one part holding the template's .xlsx workbook (any part name), or one CSV part per sheet, the part's "
                + "name being the sheet's (investors, certificates, amendments, inspections, revocations, and optionally leads and contacts; UTF-8 with or without BOM, comma or semicolon "
                + "separated). At most 32 MiB. A file with any problem stores nothing (422 listing each problem by sheet, row, column and code); "
                + "importing the same file again stores nothing new. Uploads over Imports:BackgroundAboveBytes (512 KiB) answer 202 and run in the background.", StartImport.MaxBytes))
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
