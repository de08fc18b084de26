using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Investment.Domain.Imports;
using MiniExcelLibs;
using OpenXmlReader = DocumentFormat.OpenXml.OpenXmlReader;

namespace Investment.Api.Imports;

/// <summary>The file cannot be read at all (not a workbook, not UTF-8 text, no sheet of the template): one problem for the whole file.</summary>
public sealed class UnreadableImportException(string code, string message) : Exception(message)
{
    public string Code => code;
}

/// <summary>What an upload holds: a workbook, or CSV files each named as its sheet.</summary>
public sealed record ImportSource(string FileName, string Path, bool IsWorkbook, string? Sheet);

/// <summary>
/// Reads the template's sheets from an .xlsx workbook or from CSV files into <see cref="ImportRows"/>, one row at a time
/// (MiniExcel and CsvHelper stream: memory holds the typed rows, not the file). A workbook is first scanned with the Open
/// XML SDK's forward-only reader for formula cells, which MiniExcel would silently read as their last computed value.
/// </summary>
public static class ImportFile
{
    /// <summary>The explanation sheet of the template: read by people, skipped by the import.</summary>
    public const string ColumnsSheet = "columns";

    public static ImportRows Read(IReadOnlyList<ImportSource> sources, CancellationToken ct)
    {
        var rows = new ImportRows();
        var any = false;
        foreach (var source in sources)
            any |= source.IsWorkbook ? ReadWorkbook(source, rows, ct) : ReadCsv(source, rows, ct);
        if (!any)
            throw new UnreadableImportException("import.empty_file",
                $"The file holds no row of a sheet of the template ({string.Join(", ", ImportSheets.All.Select(s => s.Name))}): GET /api/v1/imports/template.");
        return rows;
    }

    private static bool ReadWorkbook(ImportSource source, ImportRows rows, CancellationToken ct)
    {
        Dictionary<string, HashSet<string>> formulas;
        List<string> sheetNames;
        try
        {
            formulas = FormulaCells(source.Path);
            using var names = File.OpenRead(source.Path);
            sheetNames = MiniExcel.GetSheetNames(names);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or OpenXmlPackageException or FileFormatException or InvalidOperationException
                                      or System.Xml.XmlException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            throw new UnreadableImportException("import.unreadable_file", $"{source.FileName} is not an .xlsx workbook that can be read ({e.GetType().Name}).");
        }
        var any = false;
        foreach (var name in sheetNames)
        {
            if (string.Equals(name.Trim(), ColumnsSheet, StringComparison.OrdinalIgnoreCase)) continue;
            if (ImportSheets.Named(name) is not { } sheet)
            {
                rows.Problems.Add(new ImportProblem(name, 0, null, "import.unknown_sheet",
                    $"The workbook has a sheet '{name}', which is none of the template's: {string.Join(", ", ImportSheets.All.Select(s => s.Name))}."));
                continue;
            }
            var sheetFormulas = formulas.GetValueOrDefault(name) ?? [];
            using var stream = File.OpenRead(source.Path);
            IEnumerable<IDictionary<string, object?>> read;
            try
            {
                read = MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX, startCell: "A1")
                    .Cast<IDictionary<string, object?>>();
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
            {
                throw new UnreadableImportException("import.unreadable_file", $"Sheet '{name}' of {source.FileName} cannot be read ({e.GetType().Name}).");
            }
            any |= ReadSheet(sheet, read.Select(cells => cells.ToDictionary(c => c.Key, c => c.Value)), sheetFormulas, rows, ct);
        }
        return any;
    }

    /// <summary>Rows as column letter → value; the first is the header.</summary>
    private static bool ReadSheet(ImportSheet sheet, IEnumerable<Dictionary<string, object?>> cells, HashSet<string> formulas, ImportRows rows, CancellationToken ct)
    {
        Dictionary<string, string>? columns = null; // letter → column name
        var number = 0;
        var any = false;
        foreach (var row in cells)
        {
            number++;
            ct.ThrowIfCancellationRequested();
            if (columns is null)
            {
                columns = Header(sheet, row.Where(c => c.Value is not null).Select(c => (c.Key, Text(c.Value))), rows);
                continue;
            }
            var values = new Dictionary<string, ImportCell>();
            foreach (var (letter, value) in row)
            {
                var formula = formulas.Contains($"{letter}{number}");
                if (!columns.TryGetValue(letter, out var column)) continue;
                values[column] = Cell(value) with { IsFormula = formula };
            }
            if (values.Values.All(v => v.IsEmpty)) continue;
            rows.Add(new ImportRow(sheet.Name, number, values));
            any = true;
        }
        return any;
    }

    private static Dictionary<string, string> Header(ImportSheet sheet, IEnumerable<(string Key, string Header)> headers, ImportRows rows)
    {
        var columns = new Dictionary<string, string>();
        foreach (var (key, header) in headers)
        {
            if (string.IsNullOrWhiteSpace(header)) continue;
            if (sheet.ColumnFor(header) is not { } column)
                rows.Problems.Add(new ImportProblem(sheet.Name, 1, header, "import.unknown_column",
                    $"'{header}' is not a column of sheet {sheet.Name}: {string.Join(", ", sheet.Columns.Select(c => c.Name))}."));
            else if (columns.ContainsValue(column.Name))
                rows.Problems.Add(new ImportProblem(sheet.Name, 1, header, "import.duplicate_column", $"Column {column.Name} is given twice."));
            else columns[key] = column.Name;
        }
        foreach (var missing in sheet.Columns.Where(c => c.Required && !columns.ContainsValue(c.Name)))
            rows.Problems.Add(new ImportProblem(sheet.Name, 1, missing.Name, "import.missing_column", $"Sheet {sheet.Name} needs a column {missing.Name}."));
        return columns;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A workbook's value: numbers become decimals through their shortest round-trip text (no binary noise in money).</summary>
    private static ImportCell Cell(object? value) => value switch
    {
        null => new ImportCell(null),
        string s => new ImportCell(s),
        DateTime d => new ImportCell(null, Date: LocalDate.FromDateTime(d), Moment: LocalDateTime.FromDateTime(d)),
        DateTimeOffset d => new ImportCell(null, Date: LocalDate.FromDateTime(d.DateTime), Moment: LocalDateTime.FromDateTime(d.DateTime)),
        double d when double.IsFinite(d) => new ImportCell(d.ToString("R", CultureInfo.InvariantCulture),
            decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture)),
        decimal m => new ImportCell(m.ToString(CultureInfo.InvariantCulture), m),
        int or long or short or float => Cell(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        bool b => new ImportCell(b ? "true" : "false"),
        _ => new ImportCell(Text(value)),
    };

    /// <summary>Every cell holding a formula, per sheet name, as A1 references.</summary>
    private static Dictionary<string, HashSet<string>> FormulaCells(string path)
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } relation || workbook.GetPartById(relation) is not WorksheetPart part) continue;
            var cells = found[sheet.Name?.Value ?? ""] = [];
            using var reader = OpenXmlReader.Create(part);
            string? reference = null;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
                    reference = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                else if (reader.ElementType == typeof(CellFormula) && reader.IsStartElement && reference is not null)
                    cells.Add(reference);
            }
        }
        return found;
    }

    private static bool ReadCsv(ImportSource source, ImportRows rows, CancellationToken ct)
    {
        if (ImportSheets.Named(source.Sheet ?? "") is not { } sheet)
            throw new UnreadableImportException("import.unknown_sheet",
                $"A CSV part is named '{source.Sheet}': name each part as its sheet ({string.Join(", ", ImportSheets.All.Select(s => s.Name))}).");
        // UTF-8 with or without BOM; anything else is refused rather than read as mojibake. The separator is the one of
        // comma and semicolon the header row uses more (Excel in a Vietnamese locale saves CSV with semicolons).
        try
        {
            using var reader = new StreamReader(source.Path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var header = reader.ReadLine() ?? "";
            var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
            reader.BaseStream.Position = 0;
            reader.DiscardBufferedData();
            var options = new CsvReaderOptions
            {
                HasHeader = false, Separator = separator, AllowLineBreaksInQuotes = true, MaxRecordSize = 1024 * 1024,
                MalformedData = CsvMalformedDataHandling.Throw, FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
            };
            using var csv = CsvReader.Create(reader, options, leaveOpen: true);
            return ReadSheet(sheet, Records(csv), [], rows, ct);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableImportException("import.unreadable_file", $"{source.FileName} is not UTF-8 text.");
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new UnreadableImportException("import.unreadable_file", $"{source.FileName} is not CSV that can be read ({e.GetType().Name}).");
        }
    }

    /// <summary>CSV records as the workbook's rows: column letters A, B, … → text.</summary>
    private static IEnumerable<Dictionary<string, object?>> Records(CsvReader csv)
    {
        while (csv.Read())
        {
            var row = new Dictionary<string, object?>(csv.FieldCount);
            for (var i = 0; i < csv.FieldCount; i++) row[Letters(i)] = csv.GetString(i);
            yield return row;
        }
    }

    private static string Letters(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    /// <summary>Whether a part is a workbook, by name or media type; CSV likewise; else neither (415).</summary>
    public static bool? IsWorkbook(string? fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension == ".xlsx" || contentType?.StartsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", StringComparison.OrdinalIgnoreCase) == true)
            return true;
        if (extension == ".csv" || contentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true) return false;
        return null;
    }
}
