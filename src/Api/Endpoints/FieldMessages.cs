using System.Text.RegularExpressions;

namespace Investment.Api.Endpoints;

/// <summary>
/// Field errors in Vietnamese. FluentValidation's own messages ('legalName' must not be empty) come in Vietnamese from
/// its LanguageManager, which follows the request's UI culture. The messages this API writes itself (the validators'
/// WithMessage, the money rule, MaxItems) are translated here, one line per message: the English as written, values
/// that vary as {0}, {1}…, and the Vietnamese. Field names stay as clients send them. A test reads every WithMessage of
/// the sources and fails on one missing here; a message missing at run time is answered in English rather than lost.
/// </summary>
public static partial class FieldMessages
{
    public static readonly IReadOnlyList<(string English, string Vietnamese)> All =
    [
        ("capitalChange must add or remove capital; leave it out when the capital does not change.", "capitalChange phải làm tăng hoặc giảm vốn; bỏ trường này khi vốn không thay đổi."),
        ("investorsJoining must list different investors.", "investorsJoining phải liệt kê các nhà đầu tư khác nhau."),
        ("investorsLeaving must list different investors.", "investorsLeaving phải liệt kê các nhà đầu tư khác nhau."),
        ("An amendment changes something: capitalChange, landAreaHectares, extensionMonths, schedule, objectives, investorsJoining, investorsLeaving or plannedEmployees.",
            "Một lần điều chỉnh phải thay đổi ít nhất một nội dung: capitalChange, landAreaHectares, extensionMonths, schedule, objectives, investorsJoining, investorsLeaving hoặc plannedEmployees."),
        ("number may hold letters, digits, dots, slashes, dashes and spaces.", "number chỉ gồm chữ cái, chữ số, dấu chấm, dấu gạch chéo, dấu gạch ngang và khoảng trắng."),
        ("projectName must contain at least one letter.", "projectName phải có ít nhất một chữ cái."),
        ("investorIds must list different investors.", "investorIds phải liệt kê các nhà đầu tư khác nhau."),
        ("A schedule has at most {0} milestones.", "Tiến độ có tối đa {0} mốc."),
        ("A schedule may not hold null.", "Tiến độ không được chứa giá trị null."),
        ("Each milestone is named once.", "Mỗi mốc tiến độ chỉ được nêu tên một lần."),
        ("legalName must not contain control characters.", "legalName không được chứa ký tự điều khiển."),
        ("legalName must contain at least one letter.", "legalName phải có ít nhất một chữ cái."),
        ("country must be an ISO 3166-1 alpha-2 code, such as JP, KR, SG or VN.", "country phải là mã ISO 3166-1 alpha-2, ví dụ JP, KR, SG hoặc VN."),
        ("sectors must name at least one sector.", "sectors phải nêu ít nhất một ngành."),
        ("website must be an absolute http(s) address.", "website phải là địa chỉ http(s) đầy đủ."),
        ("contactPersons may not hold null.", "contactPersons không được chứa giá trị null."),
        ("name must contain at least one letter.", "name phải có ít nhất một chữ cái."),
        ("phone may hold digits, spaces, brackets, dots, dashes and a leading +.", "phone chỉ gồm chữ số, khoảng trắng, dấu ngoặc, dấu chấm, dấu gạch ngang và dấu + ở đầu."),
        ("Give exactly one of occurredAt (an instant) and occurredAtLocal (a local time in Vietnam).",
            "Hãy cho đúng một trong hai trường occurredAt (một thời điểm) và occurredAtLocal (giờ địa phương tại Việt Nam)."),
        ("occurredAt must lie between {0} and {1}.", "occurredAt phải nằm trong khoảng từ năm {0} đến năm {1}."),
        ("occurredAtLocal must lie between {0} and {1}.", "occurredAtLocal phải nằm trong khoảng từ năm {0} đến năm {1}."),
        ("Name at least one person who took part (officers or investorPeople).", "Hãy nêu ít nhất một người tham gia (officers hoặc investorPeople)."),
        ("officers must each contain at least one letter.", "Mỗi tên trong officers phải có ít nhất một chữ cái."),
        ("investorPeople must each contain at least one letter.", "Mỗi tên trong investorPeople phải có ít nhất một chữ cái."),
        ("maximumUsd must be at least minimumUsd.", "maximumUsd phải lớn hơn hoặc bằng minimumUsd."),
        ("{0} must be a share from 0 to 1, with at most four decimals.", "{0} phải là một tỷ lệ từ 0 đến 1, tối đa bốn chữ số thập phân."),
        ("workingDays must be a whole number of working days from {0} to {1}.", "workingDays phải là một số nguyên ngày làm việc từ {0} đến {1}."),
        ("'{0}' may list at most {1} items.", "'{0}' chỉ được liệt kê tối đa {1} mục."),
        // Money.Problem (the domain's rule for an amount)
        ("the amount must not be negative", "số tiền không được âm"),
        ("the amount is too large (at most 1,000,000,000,000,000)", "số tiền quá lớn (tối đa 1.000.000.000.000.000)"),
        ("the amount has more than 2 decimal places", "số tiền có quá 2 chữ số thập phân"),
        ("a USD amount takes no exchange rate", "số tiền bằng USD không kèm tỷ giá"),
        ("a VND amount needs its exchange rate: the VND for one USD, between 1 and 1,000,000", "số tiền bằng VND cần tỷ giá: số VND cho một USD, từ 1 đến 1.000.000"),
        ("an exchange rate has at most 6 decimals", "tỷ giá có tối đa 6 chữ số thập phân"),
        ("a VND amount needs the date of its exchange rate", "số tiền bằng VND cần ngày áp dụng tỷ giá"),
    ];

    private static readonly Dictionary<string, string> Exact = All.Where(m => !m.English.Contains('{', StringComparison.Ordinal))
        .ToDictionary(m => m.English, m => m.Vietnamese, StringComparer.Ordinal);

    private static readonly List<(Regex English, string Vietnamese)> Patterns = [.. All.Where(m => m.English.Contains('{', StringComparison.Ordinal))
        .Select(m => (new Regex("^" + Placeholder().Replace(Regex.Escape(m.English).Replace(@"\{", "{", StringComparison.Ordinal), "(.+?)") + "$",
            RegexOptions.CultureInvariant), m.Vietnamese))];

    /// <summary>A message in the answer's language.</summary>
    public static string Localise(string message)
    {
        if (!Languages.InVietnamese) return message;
        if (Exact.TryGetValue(message, out var vietnamese)) return vietnamese;
        foreach (var (english, text) in Patterns)
            if (english.Match(message) is { Success: true } match)
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, text, [.. match.Groups.Values.Skip(1).Select(g => (object)g.Value)]);
        return message;
    }

    /// <summary>Whether a message (English, as a validator writes it) has a Vietnamese line.</summary>
    public static bool Covers(string message) => Exact.ContainsKey(message) || Patterns.Any(p => p.English.IsMatch(message));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
