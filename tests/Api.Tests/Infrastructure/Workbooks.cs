using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Investment.Api.Tests.Infrastructure;

/// <summary>A cell read back: its raw value (numbers invariant, dates as serials), whether it is a number, its number format.</summary>
public sealed record ReadCell(string Value, bool IsNumber, string? NumberFormat);

/// <summary>A sheet read back: its cells by reference (A1), and the rows frozen at its top.</summary>
public sealed record ReadSheet(string Name, IReadOnlyDictionary<string, ReadCell> Cells, int FrozenRows, IReadOnlyList<double> Widths)
{
    public ReadCell? this[string reference] => Cells.GetValueOrDefault(reference);

    /// <summary>The row whose first cell says this text (1-based), or 0.</summary>
    public int RowOf(string firstCell) => Cells.Where(c => c.Key.StartsWith('A') && char.IsDigit(c.Key[1]) && c.Value.Value == firstCell)
        .Select(c => int.Parse(c.Key[1..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).First();

    public decimal Number(string reference) =>
        decimal.Parse(this[reference]?.Value ?? throw new InvalidOperationException($"{Name}!{reference} is empty."), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    public int RowCount => Cells.Keys.Select(k => int.Parse(new string([.. k.SkipWhile(char.IsLetter)]), System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
}

/// <summary>Reads the workbooks the API answers with the Open XML SDK, as a spreadsheet program would.</summary>
public static class Workbooks
{
    public static IReadOnlyList<ReadSheet> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var formats = part.WorkbookStylesPart!.Stylesheet!;
        var custom = formats.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = formats.CellFormats!.Elements<CellFormat>().ToList();
        string? FormatOf(uint style)
        {
            var id = cellFormats[(int)style].NumberFormatId?.Value ?? 0;
            return id switch { 0 => null, 3 => "#,##0", 4 => "#,##0.00", 10 => "0.00%", _ => custom.GetValueOrDefault(id) };
        }

        var sheets = new List<ReadSheet>();
        foreach (var sheet in part.Workbook!.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet!;
            var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => new ReadCell(
                c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "",
                c.DataType is null || c.DataType.Value == CellValues.Number, FormatOf(c.StyleIndex?.Value ?? 0)));
            var pane = worksheet.Descendants<Pane>().FirstOrDefault();
            var widths = worksheet.Descendants<Column>().Select(c => c.Width?.Value ?? 0).ToList();
            sheets.Add(new ReadSheet(sheet.Name!, cells, pane?.State?.Value == PaneStateValues.Frozen ? (int)(pane.VerticalSplit?.Value ?? 0) : 0, widths));
        }
        return sheets;
    }

    /// <summary>A date cell's value as the date it shows.</summary>
    public static NodaTime.LocalDate Date(ReadCell cell) =>
        new NodaTime.LocalDate(1899, 12, 30).PlusDays(int.Parse(cell.Value, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>LibreOffice's spreadsheet program, where installed (Debian's libreoffice-calc): soffice on the PATH.</summary>
public static class LibreOffice
{
    public static readonly string? Path = new[] { "soffice", "libreoffice" }
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator).Select(dir => System.IO.Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);

    /// <summary>Converts a workbook to CSV (its first sheet, UTF-8, as shown) headless, in a profile of its own; the CSV's text.</summary>
    public static async Task<string> ToCsv(byte[] workbook)
    {
        var folder = Directory.CreateTempSubdirectory("investment-lo-");
        try
        {
            var input = System.IO.Path.Combine(folder.FullName, "report.xlsx");
            await File.WriteAllBytesAsync(input, workbook);
            var start = new ProcessStartInfo(Path!)
            {
                ArgumentList =
                {
                    $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--norestore",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder.FullName, input,
                },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var csv = System.IO.Path.Combine(folder.FullName, "report.csv");
            Assert.True(File.Exists(csv), $"soffice (exit {process.ExitCode}) wrote no CSV: {await output} {await errors}");
            return await File.ReadAllTextAsync(csv);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>A test that needs LibreOffice: skipped, saying why, where it is not installed (a skip, never a pass).</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (LibreOffice.Path is null)
            Skip = "LibreOffice is not installed (no soffice or libreoffice on the PATH): install Debian's libreoffice-calc "
                + "(apt-get install -y --no-install-recommends libreoffice-calc; .ci/run does) to check that the workbooks open in it.";
    }
}
