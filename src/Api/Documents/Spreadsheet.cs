using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Investment.Api.Documents;

/// <summary>How a cell looks: one of the workbook's few styles (the order is their index in the stylesheet).</summary>
public enum CellStyle : uint
{
    Text = 0,
    Title = 1,
    Header = 2,
    /// <summary>A whole number with thousands separators (#,##0).</summary>
    Count = 3,
    /// <summary>An amount with thousands separators and two decimals (#,##0.00).</summary>
    Money = 4,
    /// <summary>A date cell (a serial number shown as a date: dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English).</summary>
    Date = 5,
    /// <summary>A ratio shown as a percentage with two decimals.</summary>
    Percent = 6,
    Bold = 7,
    /// <summary>An amount in a total row: bold, with thousands separators and two decimals.</summary>
    BoldMoney = 8,
}

/// <summary>One cell: a value and how it looks. Numbers and dates are written as numbers, so a spreadsheet sums them.</summary>
public readonly record struct Cell(object? Value, CellStyle Style = CellStyle.Text)
{
    public static implicit operator Cell(string? text) => new(text);
    public static Cell Count(long? value) => new(value, CellStyle.Count);
    public static Cell Money(decimal? value) => new(value, CellStyle.Money);
    public static Cell Date(LocalDate? value) => new(value, CellStyle.Date);
    public static Cell Percent(decimal? value) => new(value, CellStyle.Percent);
    public static Cell Bold(string? text) => new(text, CellStyle.Bold);
    public static Cell Header(string text) => new(text, CellStyle.Header);
}

/// <summary>
/// The workbooks the API answers (reports, register, watchlist), through the Open XML SDK: the shared styles (title,
/// header, numbers with thousands separators, dates, percentages), sheets with frozen header rows and column widths
/// fitted to their content. Each document's own layout lives beside its endpoint; this only knows cells and sheets.
/// Numbers are number cells, so the separators shown are those of the reader's settings (1.000.000,00 in Vietnamese
/// Excel, 1,000,000.00 in English): the same file reads right everywhere, which a CSV cannot do.
/// </summary>
public sealed class Spreadsheet
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly List<SheetContent> _sheets = [];

    /// <summary>A sheet; its rows are added in order. Sheet names are cut to Excel's 31 characters.</summary>
    public SheetContent Sheet(string name)
    {
        var sheet = new SheetContent(name.Length > 31 ? name[..31] : name);
        _sheets.Add(sheet);
        return sheet;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var content in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = content.Worksheet();
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = content.Name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Stylesheet Styles()
    {
        var date = Languages.InVietnamese ? "dd/mm/yyyy" : "yyyy-mm-dd";
        // Custom number formats start at 164; 3 (#,##0), 4 (#,##0.00) and 10 (0.00%) are built in.
        var formats = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = date }) { Count = 1 };
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 3 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid })) { Count = 3 };
        var borders = new Borders(
            new Border(),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } }, new DiagonalBorder()))
            { Count = 2 };
        CellFormat Format(uint number, uint font = 0, uint fill = 0, uint border = 0, bool wrap = false) => new(wrap ? new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } : new Alignment { Vertical = VerticalAlignmentValues.Top })
        {
            NumberFormatId = number, FontId = font, FillId = fill, BorderId = border, ApplyNumberFormat = number != 0, ApplyFont = font != 0,
            ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyAlignment = true,
        };
        // In the order of CellStyle.
        var cells = new CellFormats(
            Format(0), Format(0, font: 1), Format(0, font: 2, fill: 2, border: 1, wrap: true), Format(3), Format(4), Format(164), Format(10), Format(0, font: 2),
            Format(4, font: 2)) { Count = 9 };
        return new Stylesheet(formats, fonts, fills, borders, new CellStyleFormats(new CellFormat()) { Count = 1 }, cells);
    }
}

/// <summary>The rows of one sheet, the row under which it freezes, and its columns' widths (fitted unless set).</summary>
public sealed class SheetContent(string name)
{
    private const double MaxWidth = 60;
    private readonly List<Cell[]> _rows = [];
    private readonly Dictionary<int, double> _widths = [];
    private int _frozenRows;

    public string Name { get; } = name;

    public int RowCount => _rows.Count;

    public SheetContent Row(params Cell[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public SheetContent Blank() => Row();

    /// <summary>Freezes the rows so far (the title block and the header): they stay in view as the reader scrolls.</summary>
    public SheetContent FreezeHere()
    {
        _frozenRows = _rows.Count;
        return this;
    }

    /// <summary>Sets a column's width (in characters), for a column whose content should wrap rather than widen it.</summary>
    public SheetContent Width(int column, double characters)
    {
        _widths[column] = characters;
        return this;
    }

    internal Worksheet Worksheet()
    {
        var worksheet = new Worksheet();
        var view = new SheetView { WorkbookViewId = 0 };
        if (_frozenRows > 0)
            view.Append(new Pane { VerticalSplit = _frozenRows, TopLeftCell = $"A{_frozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{_frozenRows + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{_frozenRows + 1}" } });
        worksheet.Append(new SheetViews(view));

        var columnCount = _rows.Count == 0 ? 0 : _rows.Max(r => r.Length);
        if (columnCount > 0)
        {
            var columns = new Columns();
            for (var c = 0; c < columnCount; c++)
                columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = _widths.TryGetValue(c, out var set) ? set : Fit(c), CustomWidth = true });
            worksheet.Append(columns);
        }

        var data = new SheetData();
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < _rows[r].Length; c++)
                if (ToCell(_rows[r][c], $"{ColumnName(c)}{r + 1}") is { } cell) row.Append(cell);
            data.Append(row);
        }
        worksheet.Append(data);
        return worksheet;
    }

    /// <summary>Wide enough for the longest value of the column below the title rows (a title may overflow into empty cells).</summary>
    private double Fit(int column)
    {
        var longest = _rows.Where(r => r.Length > column && r[column].Style is not CellStyle.Title && !(r.Length == 1 && column == 0))
            .Select(r => Shown(r[column]).Length).DefaultIfEmpty(8).Max();
        return Math.Min(MaxWidth, Math.Max(8, longest * 1.15 + 2));
    }

    private static string Shown(Cell cell) => cell.Value switch
    {
        null => "",
        decimal d when cell.Style is CellStyle.Money or CellStyle.BoldMoney => d.ToString("#,##0.00", CultureInfo.InvariantCulture),
        decimal d when cell.Style is CellStyle.Percent => (d * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %",
        LocalDate => "0000-00-00",
        IFormattable f => f.ToString(cell.Style is CellStyle.Count ? "#,##0" : null, CultureInfo.InvariantCulture),
        _ => cell.Value.ToString() ?? "",
    };

    private static DocumentFormat.OpenXml.Spreadsheet.Cell? ToCell(Cell cell, string reference)
    {
        var style = (uint)cell.Style;
        return cell.Value switch
        {
            null when cell.Style is CellStyle.Header => new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference, StyleIndex = style },
            null => null,
            decimal d => Number(reference, d.ToString(CultureInfo.InvariantCulture), style),
            int or long => Number(reference, Convert.ToString(cell.Value, CultureInfo.InvariantCulture)!, style),
            // A date is the number of days since 1899-12-30 (the serial both Excel and LibreOffice read).
            LocalDate date => Number(reference, Period.Between(new LocalDate(1899, 12, 30), date, PeriodUnits.Days).Days.ToString(CultureInfo.InvariantCulture), style),
            _ => new DocumentFormat.OpenXml.Spreadsheet.Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Safe(cell.Value.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
            },
        };
    }

    private static DocumentFormat.OpenXml.Spreadsheet.Cell Number(string reference, string value, uint style) =>
        new(new CellValue(value)) { CellReference = reference, DataType = CellValues.Number, StyleIndex = style };

    /// <summary>XML 1.0 cannot hold most control characters; requests refuse them, but text stored before that rule might.</summary>
    private static string Safe(string text) => new([.. text.Where(ch => ch is '\t' or '\n' or '\r' || !char.IsControl(ch))]);

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
