using Investment.Api.Documents;
using Investment.Api.Language;

namespace Investment.Api.Certificates;

/// <summary>
/// The revocation watchlist as a workbook, in the request's language: the date it is computed for, then one row per
/// reason a certificate is listed (a certificate with two reasons has two rows), the date each was crossed as a date cell.
/// </summary>
public static class WatchlistWorkbook
{
    public static Spreadsheet Write(RevocationWatchlist list, string? zone, LocalDate madeOn)
    {
        string S(string english, string vietnamese) => Languages.Say(english, vietnamese);
        var workbook = new Spreadsheet();
        var sheet = workbook.Sheet(S("Watchlist", "Danh sách xem xét"));
        sheet.Row(new Cell(S("CERTIFICATES TO REVIEW FOR REVOCATION", "DANH SÁCH DỰ ÁN CẦN XEM XÉT THU HỒI GIẤY CHỨNG NHẬN ĐẦU TƯ"), CellStyle.Title));
        sheet.Row(Cell.Bold(S("As of", "Tính đến ngày")), Cell.Date(list.AsOf));
        sheet.Row(Cell.Bold(S("Zone", "Khu")), zone ?? S("all", "tất cả"));
        sheet.Row(Cell.Bold(S("Made on", "Ngày lập")), Cell.Date(madeOn));
        sheet.Row(Cell.Bold(S("Certificates", "Số dự án")), Cell.Count(list.Entries.Count));
        sheet.Blank();
        sheet.Row(Cell.Header(S("Certificate", "Số Giấy CNĐT")), Cell.Header(S("Project", "Tên dự án")), Cell.Header(S("Zone", "Khu")),
            Cell.Header(S("Status", "Tình trạng")), Cell.Header(S("Reason", "Lý do")), Cell.Header(S("Since", "Từ ngày")),
            Cell.Header(S("Explanation", "Diễn giải"))).FreezeHere();
        foreach (var entry in list.Entries)
            foreach (var reason in entry.Reasons)
                sheet.Row(entry.Number, entry.ProjectName, entry.ZoneCode, Labels.Of(entry.Status), Labels.Of(reason.Rule), Cell.Date(reason.CrossedOn),
                    reason.Explanation);
        sheet.Width(1, 40).Width(4, 45).Width(6, 80);
        return workbook;
    }
}
