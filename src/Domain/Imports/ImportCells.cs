using System.Globalization;
using Investment.Domain.Common;
using NodaTime;
using NodaTime.Text;

namespace Investment.Domain.Imports;

/// <summary>
/// A cell as the file gave it: its text, or the number or date a workbook cell held, and whether it was a formula (whose
/// value a file carries only as last computed by the program that saved it: refused, the register must state its facts).
/// </summary>
/// <remarks>Moment is a date cell's date and time of day (a contact's occurred_at_local); Date its day alone.</remarks>
public sealed record ImportCell(string? Text, decimal? Number = null, LocalDate? Date = null, bool IsFormula = false, LocalDateTime? Moment = null)
{
    public bool IsEmpty => !IsFormula && Number is null && Date is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A data row of a sheet, numbered as the file shows it (the header is row 1), its cells keyed by column name.</summary>
public sealed record ImportRow(string Sheet, int Row, IReadOnlyDictionary<string, ImportCell> Cells);

/// <summary>What is wrong with one cell (or row, when Column is null), with a stable code and a sentence.</summary>
public sealed record ImportProblem(string Sheet, int Row, string? Column, string Code, string Message);

/// <summary>Reads the typed values of one row, collecting a problem for every cell that cannot be read.</summary>
public sealed class RowReader(ImportRow row, ICollection<ImportProblem> problems)
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalDatePattern Vietnamese = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");
    private static readonly LocalDatePattern VietnameseShort = LocalDatePattern.CreateWithInvariantCulture("d/M/uuuu");

    public int Row => row.Row;
    public string Sheet => row.Sheet;
    public bool Failed { get; private set; }

    public void Problem(string? column, string code, string message)
    {
        Failed = true;
        problems.Add(new ImportProblem(row.Sheet, row.Row, column, code, message));
    }

    private ImportCell? Cell(string column)
    {
        if (!row.Cells.TryGetValue(column, out var cell) || cell.IsEmpty) return null;
        if (cell.IsFormula)
        {
            Problem(column, "import.formula_cell", $"{column} holds a formula: type its value instead (a formula's value is only what the program that saved the file last computed).");
            return null;
        }
        return cell;
    }

    private static string Shown(ImportCell cell) => cell.Text ?? cell.Number?.ToString(CultureInfo.InvariantCulture) ?? cell.Date?.ToString("yyyy-MM-dd", null) ?? "";

    public string? Text(string column, bool required = false, int maxLength = 1000)
    {
        var cell = Cell(column);
        var text = cell is null ? null : Shown(cell).Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required && !(row.Cells.TryGetValue(column, out var c) && c.IsFormula)) Required(column);
            return null;
        }
        if (text.Length > maxLength) { Problem(column, "import.too_long", $"{column} is longer than {maxLength} characters."); return null; }
        if (text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
        {
            Problem(column, "import.invalid_text", $"{column} holds control characters.");
            return null;
        }
        return text;
    }

    private void Required(string column) => Problem(column, "import.required", $"{column} is required.");

    public IReadOnlyList<string> List(string column) =>
        Text(column, maxLength: 4000) is { } text ? [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];

    public LocalDate? Date(string column, bool required = false)
    {
        var cell = Cell(column);
        if (cell is null) { if (required && !IsFormula(column)) Required(column); return null; }
        if (cell.Date is { } date) return date;
        if (ParseDate(Shown(cell).Trim()) is { } parsed) return parsed;
        Problem(column, "import.invalid_date", $"{column} '{Shown(cell)}' is not a date: write 2014-06-30 or 30/06/2014.");
        return null;
    }

    private static readonly LocalDateTimePattern[] LocalTimes =
    [
        .. new[] { "uuuu-MM-dd'T'HH:mm", "uuuu-MM-dd'T'HH:mm:ss", "uuuu-MM-dd HH:mm", "uuuu-MM-dd HH:mm:ss", "dd/MM/uuuu HH:mm", "d/M/uuuu H:mm", "dd/MM/uuuu HH:mm:ss" }
            .Select(p => LocalDateTimePattern.CreateWithInvariantCulture(p)),
    ];

    /// <summary>A local date and time (in Vietnam, as the reader decides): 2014-03-10 09:30, 2014-03-10T09:30, 10/03/2014 09:30, or a date cell.</summary>
    public LocalDateTime? LocalTime(string column)
    {
        var cell = Cell(column);
        if (cell is null) return null;
        var at = cell.Moment ?? LocalTimes.Select(p => p.Parse(Shown(cell).Trim())).FirstOrDefault(r => r.Success)?.Value;
        if (at is { Year: >= 1900 and <= 2100 }) return at;
        Problem(column, "import.invalid_date", $"{column} '{Shown(cell)}' is not a local date and time: write 2014-03-10 09:30 or 10/03/2014 09:30.");
        return null;
    }

    /// <summary>An instant with its offset: 2014-03-10T02:30:00Z or 2014-03-10T09:30:00+07:00.</summary>
    public Instant? InstantAt(string column)
    {
        var cell = Cell(column);
        if (cell is null) return null;
        var text = Shown(cell).Trim();
        Instant? at = InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant ? instant.Value
            : OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset ? offset.Value.ToInstant()
            : null;
        if (at is { } value && value.InUtc().Year is >= 1900 and <= 2100) return value;
        Problem(column, "import.invalid_date", $"{column} '{text}' is not an instant with its offset: write 2014-03-10T02:30:00Z or 2014-03-10T09:30:00+07:00.");
        return null;
    }

    public static LocalDate? ParseDate(string text) =>
        Iso.Parse(text) is { Success: true } iso ? iso.Value
        : Vietnamese.Parse(text) is { Success: true } vi ? vi.Value
        : VietnameseShort.Parse(text) is { Success: true } shortVi ? shortVi.Value
        : null;

    public decimal? Number(string column, bool required = false)
    {
        var cell = Cell(column);
        if (cell is null) { if (required && !IsFormula(column)) Required(column); return null; }
        if (cell.Number is { } number) return number;
        if (decimal.TryParse(Shown(cell).Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        Problem(column, "import.invalid_number", $"{column} '{Shown(cell)}' is not a plain decimal number (write 150000000.00).");
        return null;
    }

    public int? Whole(string column, int min, int max, bool required = false)
    {
        if (Number(column, required) is not { } value) return null;
        if (value != Math.Truncate(value) || value < min || value > max)
        {
            Problem(column, "import.invalid_number", $"{column} must be a whole number from {min} to {max}.");
            return null;
        }
        return (int)value;
    }

    /// <summary>A code as the API writes it (camelCase enum names: heavyIndustry, onSchedule…), without case.</summary>
    public T? Code<T>(string column, bool required = false) where T : struct, Enum
    {
        if (Text(column, required) is not { } text) return null;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)) return value;
        Problem(column, "import.unknown_code", $"{column} '{text}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(Camel))}.");
        return null;
    }

    public IReadOnlyList<T> Codes<T>(string column) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var text in List(column))
        {
            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)) values.Add(value);
            else Problem(column, "import.unknown_code", $"{column} '{text}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(Camel))}.");
        }
        return values;
    }

    /// <summary>An amount in its currency (USD, or VND with its rate and the rate's date), checked as the API checks money.</summary>
    public Money? Money(string amountColumn, string currencyColumn, string rateColumn, string rateDateColumn, bool required, bool allowNegative = false)
    {
        var amount = Number(amountColumn, required);
        var currencyText = Text(currencyColumn, required: amount is not null);
        if (amount is null) return null;
        Currency currency;
        if (currencyText is null) return null;
        if (!Enum.TryParse(currencyText, ignoreCase: true, out currency) || int.TryParse(currencyText, out _))
        {
            Problem(currencyColumn, "import.unknown_code", $"{currencyColumn} '{currencyText}' is not USD or VND.");
            return null;
        }
        var rate = Number(rateColumn);
        var rateDate = Date(rateDateColumn);
        var money = new Money(amount.Value, currency, rate, rateDate);
        if (money.Problem(allowNegative) is { } problem)
        {
            Problem(amountColumn, "import.invalid_money", $"{amountColumn}: {problem}.");
            return null;
        }
        return money;
    }

    private bool IsFormula(string column) => row.Cells.TryGetValue(column, out var cell) && cell.IsFormula;

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
