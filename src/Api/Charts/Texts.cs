using System.Globalization;

namespace Investment.Api.Charts;

/// <summary>
/// Every word the charts and the dashboard show, in one table keyed by language (vi, en), so that it can move to the
/// API's shared labels as a whole. Vietnamese as the board writes it (vốn đăng ký, vốn thực hiện, Giấy chứng nhận đầu
/// tư…). A test fails when a key is missing in either language. Texts with {0}, {1}… are format strings.
/// </summary>
public static class Texts
{
    private static readonly Dictionary<string, (string Vi, string En)> Table = new(StringComparer.Ordinal)
    {
        // The progress chart
        ["progress.title"] = ("{0} — vốn đầu tư thu hút năm {1}", "{0} — capital attracted in {1}"),
        ["progress.titleAsOf"] = ("{0} — vốn đầu tư thu hút năm {1} (số liệu đến ngày {2})", "{0} — capital attracted in {1} (as known on {2})"),
        ["axis.month"] = ("Tháng", "Month"),
        ["axis.usdMillion"] = ("Triệu USD", "USD million"),
        ["series.attracted"] = ("Vốn thu hút (lũy kế)", "Attracted capital (accumulated)"),
        ["series.realised"] = ("Vốn thực hiện trong năm (lũy kế)", "Realised capital in the year (accumulated)"),
        ["series.target"] = ("Mục tiêu: {0}–{1} triệu USD", "Target: USD {0}–{1} million"),
        ["series.forecast.straightLine"] = ("Dự báo theo tốc độ hiện tại", "Straight-line forecast"),
        // For the pipeline-weighted forecast (issue 14), drawn once ProgressForecasts gives its line.
        ["series.forecast.pipelineWeighted"] = ("Dự báo theo dự án tiềm năng (có trọng số)", "Pipeline-weighted forecast"),
        ["series.today"] = ("Hôm nay", "Today"),
        ["series.asOf"] = ("Ngày xem", "As of"),
        ["month.1"] = ("T1", "Jan"), ["month.2"] = ("T2", "Feb"), ["month.3"] = ("T3", "Mar"), ["month.4"] = ("T4", "Apr"),
        ["month.5"] = ("T5", "May"), ["month.6"] = ("T6", "Jun"), ["month.7"] = ("T7", "Jul"), ["month.8"] = ("T8", "Aug"),
        ["month.9"] = ("T9", "Sep"), ["month.10"] = ("T10", "Oct"), ["month.11"] = ("T11", "Nov"), ["month.12"] = ("T12", "Dec"),

        // The pipeline funnel
        ["pipeline.title"] = ("{0} — dự án tiềm năng mở từ {1} đến {2}", "{0} — pipeline of leads opened {1} to {2}"),
        ["pipeline.axis"] = ("Số dự án đã đến giai đoạn", "Leads that reached the stage"),
        ["pipeline.bar"] = ("{0} đã đến · {1} hiện tại · {2} triệu USD", "{0} reached · {1} now · USD {2} m"),
        ["pipeline.conversion"] = ("↓ {0} chuyển tiếp", "↓ {0} go on"),
        ["stage.prospect"] = ("Tiềm năng", "Prospect"),
        ["stage.engaged"] = ("Đang tiếp xúc", "Engaged"),
        ["stage.siteVisit"] = ("Khảo sát thực địa", "Site visit"),
        ["stage.commitment"] = ("Cam kết (MoU)", "Commitment (MoU)"),
        ["stage.applied"] = ("Đã nộp hồ sơ", "Applied"),
        ["stage.certified"] = ("Đã cấp GCNĐT", "Certified"),
        ["stage.lost"] = ("Không thành công", "Lost"),

        // The dashboard
        ["dash.title"] = ("Bảng theo dõi thu hút đầu tư", "Investment dashboard"),
        ["dash.skip"] = ("Chuyển đến nội dung chính", "Skip to the content"),
        ["dash.subtitle"] = ("Ban Quản lý Khu kinh tế Dung Quất và các KCN Quảng Ngãi", "Dung Quat Economic Zone and Quang Ngai industrial parks"),
        ["dash.choose"] = ("Chọn khu và năm", "Choose a zone and a year"),
        ["dash.zone"] = ("Khu", "Zone"),
        ["dash.year"] = ("Năm", "Year"),
        ["dash.language"] = ("Ngôn ngữ", "Language"),
        ["dash.show"] = ("Xem", "Show"),
        ["dash.signInHeading"] = ("Đăng nhập", "Sign in"),
        ["dash.token"] = ("Mã truy cập (bearer token)", "Bearer token"),
        ["dash.signIn"] = ("Đăng nhập", "Sign in"),
        ["dash.signOut"] = ("Đăng xuất", "Sign out"),
        ["dash.tokenKept"] = ("Mã chỉ được giữ trong thẻ trình duyệt này (sessionStorage) và chỉ được gửi tới API này.",
            "The token is kept for this browser tab only (sessionStorage) and sent to this API only."),
        ["dash.howTo"] = ("Chưa có mã? Đề nghị quản trị viên hệ thống cấp một mã có vai trò officer, partner hoặc admin. Trên máy phát triển, lệnh sau in ra một mã:",
            "No token? Ask the administrator of this deployment for one with the role officer, partner or admin. On a development machine this command prints one:"),
        ["dash.swagger"] = ("Tài liệu API (Swagger UI)", "API documentation (Swagger UI)"),
        ["dash.progress"] = ("Tiến độ so với mục tiêu", "Progress against the target"),
        ["dash.attracted"] = ("Vốn thu hút", "Attracted"),
        ["dash.targetMinimum"] = ("Mục tiêu tối thiểu", "Target minimum"),
        ["dash.targetMaximum"] = ("Mục tiêu tối đa", "Target maximum"),
        ["dash.forecast"] = ("Dự báo cuối năm (theo tốc độ hiện tại)", "Year-end forecast (straight line)"),
        ["dash.forecastPipeline"] = ("Dự báo cuối năm (cộng vốn kỳ vọng của dự án tiềm năng)", "Year-end forecast (with the pipeline's expected capital)"),
        ["dash.stillNeeded"] = ("Còn thiếu so với mức tối thiểu", "Still needed to reach the minimum"),
        ["dash.realised"] = ("Vốn thực hiện trong năm", "Realised in the year"),
        ["dash.status"] = ("Tình hình", "Status"),
        ["position.below"] = ("Dưới mục tiêu", "Below the target"),
        ["position.within"] = ("Trong khoảng mục tiêu", "Within the target"),
        ["position.above"] = ("Vượt mục tiêu", "Above the target"),
        ["position.noTarget"] = ("Chưa có mục tiêu", "No target set"),
        ["pace.on"] = ("đúng tiến độ", "on pace"),
        ["pace.off"] = ("chậm so với tiến độ", "not on pace"),
        ["dash.pipeline"] = ("Dự án tiềm năng theo giai đoạn", "Pipeline by stage"),
        ["dash.stage"] = ("Giai đoạn", "Stage"),
        ["dash.reached"] = ("Đã đến", "Reached"),
        ["dash.current"] = ("Hiện tại", "Now"),
        ["dash.estimate"] = ("Vốn dự kiến hiện tại (USD)", "Estimated capital now (USD)"),
        ["dash.conversion"] = ("Chuyển sang giai đoạn sau", "Go on to the next"),
        ["dash.watchlist"] = ("Dự án cần rà soát (đến hôm nay)", "Watchlist (as of today)"),
        ["dash.certificate"] = ("Số GCNĐT", "Certificate"),
        ["dash.project"] = ("Dự án", "Project"),
        ["dash.rule"] = ("Tiêu chí", "Rule"),
        ["dash.since"] = ("Từ ngày", "Since"),
        ["rule.milestoneOverdue"] = ("Chậm tiến độ quá 12 tháng (Điều 48 Luật Đầu tư 67/2014/QH13)", "Milestone over 12 months late (Law 67/2014/QH13, Art. 48)"),
        ["rule.noRecentInspection"] = ("Không được kiểm tra trong 6 tháng", "No inspection in 6 months"),
        ["rule.suspendedTooLong"] = ("Ngừng hoạt động quá 6 tháng", "Suspended for over 6 months"),
        ["rule.lastInspectionStalled"] = ("Đình trệ theo lần kiểm tra gần nhất", "Stalled at the last inspection"),
        ["dash.certificates"] = ("Giấy chứng nhận đầu tư cấp mới nhất trong năm", "Latest certificates of the year"),
        ["dash.issuedOn"] = ("Ngày cấp", "Issued on"),
        ["dash.capital"] = ("Vốn đăng ký (USD)", "Registered capital (USD)"),
        ["dash.none"] = ("Không có.", "None."),
        ["dash.loading"] = ("Đang tải…", "Loading…"),
        ["dash.error"] = ("API trả lời {0}: {1}", "The API answered {0}: {1}"),
        ["dash.refused"] = ("Mã truy cập bị từ chối hoặc đã hết hạn: hãy đăng nhập lại.", "The token was refused or has expired: sign in again."),
        ["dash.chartProgress"] = ("Biểu đồ vốn thu hút lũy kế theo tháng so với khoảng mục tiêu", "Chart of the capital attracted month by month against the target band"),
        ["dash.chartPipeline"] = ("Biểu đồ phễu dự án tiềm năng theo giai đoạn", "Funnel chart of the pipeline by stage"),
    };

    public static IReadOnlyCollection<string> Keys => Table.Keys;

    public static string Get(string language, string key) =>
        Table.TryGetValue(key, out var text) ? language == ChartLanguage.Vietnamese ? text.Vi : text.En
        : throw new KeyNotFoundException($"No text '{key}'.");

    public static string Format(string language, string key, params object[] values) =>
        string.Format(Culture(language), Get(language, key), values);

    /// <summary>Every text of one language whose key starts with a prefix (the dashboard's page reads its own).</summary>
    public static IReadOnlyDictionary<string, string> All(string language, params string[] prefixes) =>
        Table.Keys.Where(k => prefixes.Length == 0 || prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToDictionary(k => k, k => Get(language, k));

    /// <summary>Numbers as each language writes them: 1.234,5 in Vietnamese, 1,234.5 in English.</summary>
    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == ChartLanguage.Vietnamese ? "vi-VN" : "en-GB");

    /// <summary>Dates as each language writes them: 05/07/2014 (day first in both: Vietnam's and Britain's habit).</summary>
    public static string Date(string language, LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>USD millions with at most one decimal (68, 112.5), as the charts label them.</summary>
    public static string Millions(string language, decimal usd) => (usd / 1_000_000m).ToString("#,0.#", Culture(language));
}
