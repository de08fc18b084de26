using Investment.Domain.Imports;
using MiniExcelLibs;

namespace Investment.Api.Imports;

/// <summary>GET /imports/template: the workbook an existing registry is brought in with.</summary>
public static class GetImportTemplate
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet per kind with its header row and one example row, and a sheet explaining every column in English and Vietnamese.</summary>
    public static byte[] Workbook()
    {
        var sheets = new Dictionary<string, object>();
        foreach (var sheet in ImportSheets.All)
            sheets[sheet.Name] = new[] { sheet.Columns.ToDictionary(c => c.Name, c => (object?)c.Example) };
        sheets[ImportFile.ColumnsSheet] = ImportSheets.All.SelectMany(s => s.Columns.Select(c => new Dictionary<string, object?>
        {
            ["sheet"] = s.Name,
            ["column"] = c.Name,
            ["vietnamese_header"] = c.Vietnamese,
            ["required"] = c.Required ? "yes / có" : "",
            ["explanation"] = c.Explanation,
            ["giai_thich"] = c.ExplanationVietnamese,
        })).ToArray();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static FileContentHttpResult Handle() => TypedResults.File(Workbook(), Xlsx, "registry-import-template.xlsx");
}
