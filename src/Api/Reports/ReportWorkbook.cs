using Investment.Api.Documents;
using Investment.Api.Language;
using Investment.Domain.Reports;

namespace Investment.Api.Reports;

/// <summary>
/// The report as the workbook filed with the Provincial People's Committee, in the request's language: a summary sheet
/// (the title block — zone, period, as known on, counting rule, date made — then the figures against the target,
/// realised capital, jobs and leads), the breakdowns by country and by sector, and the certificates, amendments and
/// revocations counted. The figures are those of the JSON report, as number and date cells.
/// </summary>
public static class ReportWorkbook
{
    public static Spreadsheet Write(ZoneReport r, string zoneName, LocalDate madeOn)
    {
        string S(string english, string vietnamese) => Languages.Say(english, vietnamese);
        var workbook = new Spreadsheet();
        var firstHalf = r.Period == GetZoneReport.FirstHalf;

        var summary = workbook.Sheet(S("Summary", "Tổng hợp"));
        summary.Row(new Cell(firstHalf
            ? S($"INVESTMENT ATTRACTION REPORT, FIRST HALF OF {r.Year}", $"BÁO CÁO KẾT QUẢ THU HÚT ĐẦU TƯ 6 THÁNG ĐẦU NĂM {r.Year}")
            : S($"INVESTMENT ATTRACTION REPORT, YEAR {r.Year}", $"BÁO CÁO KẾT QUẢ THU HÚT ĐẦU TƯ NĂM {r.Year}"), CellStyle.Title));
        summary.Row(Cell.Bold(S("Zone", "Khu")), zoneName, r.ZoneCode);
        summary.Row(Cell.Bold(S("Period", "Kỳ báo cáo")), Cell.Date(r.From), Cell.Date(r.To), Labels.Of(Labels.ReportPeriodKind, r.Period));
        summary.Row(Cell.Bold(S("As known on", "Số liệu tính đến ngày")), r.AsOf is { } asOf ? Cell.Date(asOf) : S("everything recorded", "toàn bộ số liệu đã ghi nhận"));
        summary.Row(Cell.Bold(S("Counting rule", "Cách tính")), Labels.Of(Labels.CountingRuleKind, r.Rule.Code), r.Rule.Code);
        summary.Row(Cell.Bold(S("Made on", "Ngày lập")), Cell.Date(madeOn));
        summary.Blank();
        summary.Row(Cell.Header(S("Item", "Chỉ tiêu")), Cell.Header(S("Number", "Số lượng")), Cell.Header(S("Amount (USD)", "Giá trị (USD)")),
            Cell.Header(S("Note", "Ghi chú"))).FreezeHere();
        summary.Row(S("New certificates (registered capital)", "Dự án cấp mới (vốn đăng ký)"), Cell.Count(r.NewCertificateCount), Cell.Money(r.NewCapitalUsd));
        summary.Row(S("Capital increases (capital added)", "Lượt điều chỉnh tăng vốn (vốn điều chỉnh tăng)"), Cell.Count(r.CapitalIncreaseAmendments), Cell.Money(r.CapitalAddedUsd));
        summary.Row(S("Capital reductions (capital reduced)", "Lượt điều chỉnh giảm vốn (vốn điều chỉnh giảm)"), Cell.Count(r.CapitalReductionAmendments), Cell.Money(r.CapitalReducedUsd));
        summary.Row(S("Amendments without a change of capital", "Lượt điều chỉnh không thay đổi vốn"), Cell.Count(r.OtherAmendments));
        summary.Row(Cell.Bold(S("Attracted capital", "Tổng vốn thu hút")), null, new Cell(r.AttractedUsd, CellStyle.BoldMoney),
            S("new + added − reduced", "cấp mới + tăng − giảm"));
        summary.Row(S("Target: minimum", "Chỉ tiêu: tối thiểu"), null, Cell.Money(r.Target?.MinimumUsd), r.Target?.Decision);
        summary.Row(S("Target: maximum", "Chỉ tiêu: tối đa"), null, Cell.Money(r.Target?.MaximumUsd), r.Target?.Decision);
        summary.Row(S("Against the target", "So với chỉ tiêu"), null, null, Labels.Of(r.Status.Position));
        summary.Row(S("Still needed to reach the minimum", "Còn thiếu so với mức tối thiểu"), null, Cell.Money(r.Status.StillNeededUsd));
        summary.Row(S("Revocations (capital, beside the figure)", "Dự án bị thu hồi (vốn, không trừ vào tổng)"), Cell.Count(r.Revocations.Count), Cell.Money(r.RevokedCapitalUsd));
        summary.Row(S("Registered capital in force at the period's end", "Vốn đăng ký còn hiệu lực cuối kỳ"), null, Cell.Money(r.Realised.RegisteredUsd));
        summary.Row(S("Realised capital (cumulative)", "Vốn thực hiện (lũy kế)"), null, Cell.Money(r.Realised.RealisedUsd));
        summary.Row(S("Realisation rate", "Tỷ lệ vốn thực hiện"), Cell.Percent(r.Realised.RealisationRate));
        summary.Row(S("Realised capital in the period", "Vốn thực hiện trong kỳ"), null, Cell.Money(r.Realised.RealisedInPeriodUsd));
        summary.Row(S("Jobs planned (certificates in force)", "Lao động theo đăng ký (dự án còn hiệu lực)"), Cell.Count(r.Jobs.PlannedEmployees));
        summary.Row(S("Jobs planned in the period", "Lao động đăng ký mới trong kỳ"), Cell.Count(r.Jobs.PlannedInPeriod));
        summary.Row(S("Employees working: Vietnamese", "Lao động đang làm việc: người Việt Nam"), Cell.Count(r.Jobs.VietnameseEmployees));
        summary.Row(S("Employees working: foreign", "Lao động đang làm việc: người nước ngoài"), Cell.Count(r.Jobs.ForeignEmployees));
        summary.Row(S("Leads opened", "Dự án tiềm năng mới"), Cell.Count(r.Leads.Opened));
        summary.Row(S("Leads certified", "Dự án tiềm năng được cấp Giấy chứng nhận đầu tư"), Cell.Count(r.Leads.Certified));
        summary.Row(S("Leads lost", "Dự án tiềm năng không thành công"), Cell.Count(r.Leads.Lost));
        summary.Row(S("Contacts logged", "Lượt tiếp xúc nhà đầu tư"), Cell.Count(r.Leads.ContactsLogged));
        if (r.Leads.ResponseTime is { } response)
        {
            // The standard the share was counted against: the zone's, as known at the report's instant.
            summary.Row(S("Service standard (working days)", "Thời hạn phản hồi (ngày làm việc)"), Cell.Count(response.StandardWorkingDays));
            summary.Row(S("Leads answered within the standard", "Tỷ lệ dự án tiềm năng được phản hồi đúng hạn"), Cell.Percent(response.ShareWithinStandard));
        }

        Breakdown(workbook.Sheet(S("By country", "Theo quốc gia")), S("Country", "Quốc gia"),
            r.ByCountry.Select(c => (c.Country, c.NewCertificates, c.AttractedUsd)), r);
        Breakdown(workbook.Sheet(S("By sector", "Theo ngành")), S("Sector", "Ngành"),
            r.BySector.Select(s => (Labels.Of(s.Sector), s.NewCertificates, s.AttractedUsd)), r);

        var issued = workbook.Sheet(S("New certificates", "Cấp mới"));
        issued.Row(Cell.Header(S("Issued on", "Ngày cấp")), Cell.Header(S("Certificate", "Số Giấy CNĐT")), Cell.Header(S("Project", "Tên dự án")),
            Cell.Header(S("Investors", "Nhà đầu tư")), Cell.Header(S("Country", "Quốc gia")), Cell.Header(S("Sector", "Ngành")),
            Cell.Header(S("Registered capital (USD)", "Vốn đăng ký (USD)"))).FreezeHere();
        foreach (var m in r.NewCertificates)
            issued.Row(Cell.Date(m.On), m.CertificateNumber, m.ProjectName, Investors(m), m.Country, Labels.Of(m.Sector), Cell.Money(m.AmountUsd));
        Total(issued, 6, r.NewCapitalUsd);

        var amended = workbook.Sheet(S("Amendments", "Điều chỉnh"));
        amended.Row(Cell.Header(S("Amended on", "Ngày điều chỉnh")), Cell.Header(S("Certificate", "Số Giấy CNĐT")), Cell.Header(S("Amendment", "Lần điều chỉnh")),
            Cell.Header(S("Kind", "Loại điều chỉnh")), Cell.Header(S("Project", "Tên dự án")), Cell.Header(S("Investors", "Nhà đầu tư")),
            Cell.Header(S("Country", "Quốc gia")), Cell.Header(S("Sector", "Ngành")),
            Cell.Header(S("Capital change (USD, a reduction negative)", "Vốn điều chỉnh (USD, giảm ghi âm)"))).FreezeHere();
        foreach (var m in r.Amendments)
            amended.Row(Cell.Date(m.On), m.CertificateNumber, Cell.Count(m.AmendmentNumber), Labels.Of(m.Kind), m.ProjectName, Investors(m), m.Country,
                Labels.Of(m.Sector), Cell.Money(m.AmountUsd));
        Total(amended, 8, r.CapitalAddedUsd - r.CapitalReducedUsd);

        var revoked = workbook.Sheet(S("Revocations", "Thu hồi"));
        revoked.Row(Cell.Header(S("Revoked on", "Ngày thu hồi")), Cell.Header(S("Certificate", "Số Giấy CNĐT")), Cell.Header(S("Project", "Tên dự án")),
            Cell.Header(S("Investors", "Nhà đầu tư")), Cell.Header(S("Country", "Quốc gia")), Cell.Header(S("Sector", "Ngành")),
            Cell.Header(S("Registered capital (USD)", "Vốn đăng ký (USD)"))).FreezeHere();
        foreach (var m in r.Revocations)
            revoked.Row(Cell.Date(m.On), m.CertificateNumber, m.ProjectName, Investors(m), m.Country, Labels.Of(m.Sector), Cell.Money(m.AmountUsd));
        Total(revoked, 6, r.RevokedCapitalUsd);
        return workbook;
    }

    private static void Breakdown(SheetContent sheet, string by, IEnumerable<(string Name, int NewCertificates, decimal AttractedUsd)> rows, ZoneReport r)
    {
        sheet.Row(Cell.Header(by), Cell.Header(Languages.Say("New certificates", "Số dự án cấp mới")),
            Cell.Header(Languages.Say("Attracted capital (USD)", "Vốn thu hút (USD)"))).FreezeHere();
        foreach (var (name, count, usd) in rows) sheet.Row(name, Cell.Count(count), Cell.Money(usd));
        sheet.Row(Cell.Bold(Languages.Say("Total", "Tổng cộng")), new Cell(r.NewCertificateCount, CellStyle.Bold), new Cell(r.AttractedUsd, CellStyle.BoldMoney));
    }

    private static void Total(SheetContent sheet, int column, decimal amount) =>
        sheet.Row([Cell.Bold(Languages.Say("Total", "Tổng cộng")), .. Enumerable.Repeat(new Cell(null), column - 1), new Cell(amount, CellStyle.BoldMoney)]);

    private static string Investors(CapitalMovement m) => string.Join("; ", (m.Investors ?? []).Select(i => i.Name));
}
