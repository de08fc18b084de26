using Investment.Api.Documents;
using Investment.Api.Language;
using Investment.Domain.Certificates;

namespace Investment.Api.Certificates;

/// <summary>
/// The certificate register as a workbook, in the request's language: a title block (what it is, the filters, the date
/// made, how many), then one row per certificate with its capital, land, realised capital and jobs as number cells and
/// its issue date as a date cell, the header frozen.
/// </summary>
public static class RegisterWorkbook
{
    public static Spreadsheet Write(IReadOnlyList<Certificate> certificates, string filters, LocalDate madeOn)
    {
        string S(string english, string vietnamese) => Languages.Say(english, vietnamese);
        var workbook = new Spreadsheet();
        var sheet = workbook.Sheet(S("Register", "Sổ đăng ký"));
        sheet.Row(new Cell(S("REGISTER OF INVESTMENT CERTIFICATES", "SỔ THEO DÕI GIẤY CHỨNG NHẬN ĐẦU TƯ"), CellStyle.Title));
        sheet.Row(Cell.Bold(S("Filters", "Điều kiện lọc")), filters.Length == 0 ? S("none", "không") : filters);
        sheet.Row(Cell.Bold(S("Made on", "Ngày lập")), Cell.Date(madeOn));
        sheet.Row(Cell.Bold(S("Certificates", "Số giấy chứng nhận")), Cell.Count(certificates.Count));
        sheet.Blank();
        sheet.Row(Cell.Header(S("Certificate", "Số Giấy CNĐT")), Cell.Header(S("Project", "Tên dự án")), Cell.Header(S("Investors", "Nhà đầu tư")),
            Cell.Header(S("Countries", "Quốc gia")), Cell.Header(S("Zone", "Khu")), Cell.Header(S("Sector", "Ngành")), Cell.Header(S("Status", "Tình trạng")),
            Cell.Header(S("Issued on", "Ngày cấp")), Cell.Header(S("Registered capital (USD)", "Vốn đăng ký (USD)")),
            Cell.Header(S("Land area (ha)", "Diện tích đất (ha)")), Cell.Header(S("Realised capital (USD)", "Vốn thực hiện (USD)")),
            Cell.Header(S("Realisation rate", "Tỷ lệ vốn thực hiện")), Cell.Header(S("Jobs planned", "Lao động đăng ký"))).FreezeHere();
        foreach (var c in certificates)
            sheet.Row(c.Number, c.ProjectName, string.Join("; ", c.Investors.Select(i => i.Name)), string.Join(", ", c.Investors.Select(i => i.Country).Distinct()),
                c.ZoneCode, Labels.Of(c.Sector), Labels.Of(c.Status), Cell.Date(c.IssuedOn), Cell.Money(c.CapitalUsd),
                new Cell(c.LandAreaHectares, CellStyle.Money), Cell.Money(c.RealisedUsd), Cell.Percent(c.RealisationRate), Cell.Count(c.PlannedEmployees));
        sheet.Row([Cell.Bold(S("Total", "Tổng cộng")), .. Enumerable.Repeat(new Cell(null), 7), new Cell(certificates.Sum(c => c.CapitalUsd), CellStyle.BoldMoney),
            new Cell(certificates.Sum(c => c.LandAreaHectares), CellStyle.BoldMoney), new Cell(certificates.Sum(c => c.RealisedUsd), CellStyle.BoldMoney)]);
        sheet.Width(1, 40).Width(2, 40);
        return workbook;
    }
}
