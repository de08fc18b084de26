// "Imports" is a keyword of Visual Basic only; the feature is named as the issue and the other features are.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Investment.Domain.Imports")]

namespace Investment.Domain.Imports;

/// <summary>A column of an import sheet: its name, the Vietnamese header the template also accepts, and what it holds.</summary>
public sealed record ImportColumn(string Name, string Vietnamese, string Explanation, string ExplanationVietnamese, string Example, bool Required = false);

/// <summary>A sheet of the import workbook (or a CSV part of the same name) and its columns, in template order.</summary>
public sealed record ImportSheet(string Name, IReadOnlyList<ImportColumn> Columns)
{
    /// <summary>The column a header names: its English name or its Vietnamese header, without case or surrounding spaces.</summary>
    public ImportColumn? ColumnFor(string header)
    {
        var h = header.Trim();
        return Columns.FirstOrDefault(c => string.Equals(c.Name, h, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Vietnamese, h, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// The sheets an existing registry is brought in with (issue 15), in the order they are applied: investors before the
/// certificates naming them, a certificate before what happens to it, a lead before its contacts. Every fact the API
/// records by hand has a column.
/// </summary>
public static class ImportSheets
{
    public const string Investors = "investors";
    public const string Certificates = "certificates";
    public const string Amendments = "amendments";
    public const string Inspections = "inspections";
    public const string Revocations = "revocations";
    public const string Leads = "leads";
    public const string Contacts = "contacts";

    private static ImportColumn KnownSince(string example) => new("known_since", "ngay_biet",
        "The day the authority first knew the fact (entered its register): it is recorded as known from the start of that day in Vietnam. Empty: the business date. Never before the business date, never in the future.",
        "Ngày cơ quan biết sự việc lần đầu (ngày vào sổ). Để trống: dùng ngày nghiệp vụ. Không trước ngày nghiệp vụ, không sau hôm nay.", example);

    private static ImportColumn CertificateNumber => new("certificate_number", "so_giay_chung_nhan",
        "The number of the certificate, from the certificates sheet or already stored.", "Số giấy chứng nhận đầu tư (trong sheet certificates hoặc đã có).", "341043000012", true);

    public static readonly IReadOnlyList<ImportSheet> All =
    [
        new(Investors,
        [
            new("name", "ten", "The investor's legal name. With the country, it identifies the investor (compared without case, accents or spacing).",
                "Tên pháp lý của nhà đầu tư; cùng với quốc gia xác định nhà đầu tư.", "Doosan Heavy Industries & Construction", true),
            new("country", "quoc_gia", "ISO 3166-1 alpha-2 country code (KR, JP, VN…).", "Mã quốc gia ISO 3166-1 alpha-2 (KR, JP, VN…).", "KR", true),
            new("sectors", "nganh", "Sector codes separated by ';' (heavyIndustry; energy…).", "Mã ngành, cách nhau bởi ';'.", "heavyIndustry;supportingIndustries"),
            new("website", "website", "The investor's website.", "Trang web của nhà đầu tư.", "https://www.doosan.com"),
            KnownSince("2010-06-10"),
        ]),
        new(Certificates,
        [
            new("number", "so", "The certificate's number: unique.", "Số giấy chứng nhận: duy nhất.", "341043000012", true),
            new("project_name", "ten_du_an", "The project's name.", "Tên dự án.", "Doosan heavy industries plant, phase 2", true),
            new("investors", "nha_dau_tu", "The investors' legal names separated by ';', from the investors sheet or already stored.",
                "Tên các nhà đầu tư, cách nhau bởi ';'.", "Doosan Heavy Industries & Construction", true),
            new("zone", "khu", "The zone's code (dung-quat, vsip-quang-ngai, tinh-phong…: GET /api/v1/zones).", "Mã khu (GET /api/v1/zones).", "dung-quat", true),
            new("sector", "nganh", "The project's sector code.", "Mã ngành của dự án.", "heavyIndustry", true),
            new("capital_amount", "von_dang_ky", "The registered capital, a plain decimal (150000000.00) or a number cell.", "Vốn đăng ký (số thập phân).", "150000000.00", true),
            new("currency", "tien_te", "USD or VND.", "USD hoặc VND.", "USD", true),
            new("usd_rate", "ty_gia", "For VND: the VND for one USD used to express it in USD.", "Với VND: tỷ giá VND/USD.", ""),
            new("rate_date", "ngay_ty_gia", "For VND: the date of that rate.", "Với VND: ngày của tỷ giá.", ""),
            new("land_area_ha", "dien_tich_ha", "The land area in hectares.", "Diện tích đất (ha).", "28", true),
            new("issued_on", "ngay_cap", "The issue date: 2010-06-20 or 20/06/2010, or a date cell.", "Ngày cấp: 2010-06-20 hoặc 20/06/2010.", "2010-06-20", true),
            new("duration_years", "thoi_han_nam", "The project's duration in years.", "Thời hạn dự án (năm).", "50", true),
            new("milestones", "tien_do", "The implementation schedule: name=date separated by ';'.", "Tiến độ: tên=ngày, cách nhau bởi ';'.",
                "Site clearance=2010-12-31;Operation=2012-06-30"),
            new("planned_jobs", "lao_dong_du_kien", "The employees the project plans.", "Số lao động dự kiến.", "1200"),
            KnownSince("2010-06-23"),
        ]),
        new(Amendments,
        [
            CertificateNumber,
            new("number", "lan_dieu_chinh", "The amendment's number: 1, 2, 3… in order, per certificate.", "Lần điều chỉnh: 1, 2, 3… theo thứ tự.", "1", true),
            new("on", "ngay", "The amendment's date.", "Ngày điều chỉnh.", "2012-03-02", true),
            new("capital_change_amount", "von_thay_doi", "Capital added (positive) or removed (negative).", "Vốn tăng (dương) hoặc giảm (âm).", "50000000.00"),
            new("currency", "tien_te", "USD or VND, for the capital change.", "USD hoặc VND.", "USD"),
            new("usd_rate", "ty_gia", "For VND: the VND for one USD.", "Với VND: tỷ giá VND/USD.", ""),
            new("rate_date", "ngay_ty_gia", "For VND: the date of that rate.", "Với VND: ngày của tỷ giá.", ""),
            new("extension_months", "gia_han_thang", "Months added to every milestone not yet met (at most 24 in total).", "Số tháng gia hạn tiến độ (tối đa 24).", ""),
            new("investors_added", "nha_dau_tu_them", "Investors joining: legal names separated by ';'.", "Nhà đầu tư tham gia, cách nhau bởi ';'.", ""),
            new("investors_removed", "nha_dau_tu_rut", "Investors leaving: legal names separated by ';'.", "Nhà đầu tư rút, cách nhau bởi ';'.", ""),
            new("planned_jobs", "lao_dong_du_kien", "The employees planned from this amendment on.", "Số lao động dự kiến từ lần điều chỉnh này.", ""),
            new("land_area_ha", "dien_tich_ha", "The land area from this amendment on, in hectares.", "Diện tích đất từ lần điều chỉnh này (ha).", ""),
            new("milestones", "tien_do", "A new schedule replacing the milestones: name=date separated by ';'.", "Tiến độ mới thay thế: tên=ngày, cách nhau bởi ';'.", ""),
            new("objectives", "muc_tieu", "The project's objectives from this amendment on.", "Mục tiêu dự án từ lần điều chỉnh này.", ""),
            new("reason", "ly_do", "Why the certificate was amended.", "Lý do điều chỉnh.", "Second assembly hall."),
            KnownSince("2012-03-05"),
        ]),
        new(Inspections,
        [
            CertificateNumber,
            new("on", "ngay", "The inspection's date: with the certificate, it identifies the inspection.", "Ngày kiểm tra.", "2013-09-15", true),
            new("progress", "tien_do_thuc_hien", "onSchedule, delayed or stalled.", "onSchedule, delayed hoặc stalled.", "onSchedule", true),
            new("milestones_met", "moc_dat", "Names of the schedule's milestones met, separated by ';'.", "Các mốc tiến độ đã đạt, cách nhau bởi ';'.", "Site clearance"),
            new("disbursed_usd", "von_giai_ngan_usd", "Capital disbursed so far (cumulative), in USD.", "Vốn đã giải ngân lũy kế (USD).", "40000000.00", true),
            new("employees_vietnamese", "lao_dong_viet_nam", "Vietnamese employees working on the project.", "Lao động Việt Nam.", "350"),
            new("employees_foreign", "lao_dong_nuoc_ngoai", "Foreign employees working on the project.", "Lao động nước ngoài.", "12"),
            new("findings", "ket_luan", "What the inspection found.", "Kết luận kiểm tra.", "Site cleared on time."),
            new("inspector", "can_bo_kiem_tra", "Who inspected (personal data: partners do not see it). Empty: the imported register.", "Cán bộ kiểm tra.", ""),
            KnownSince("2013-09-20"),
        ]),
        new(Revocations,
        [
            CertificateNumber,
            new("on", "ngay", "The revocation's date.", "Ngày thu hồi.", "2014-01-10", true),
            new("ground", "can_cu", "The legal ground's code (behindScheduleNoExtension, investorDecision…).", "Mã căn cứ pháp lý.", "behindScheduleNoExtension", true),
            new("decision", "quyet_dinh", "The decision's reference.", "Số quyết định thu hồi.", "12/QĐ-BQL", true),
            KnownSince("2014-01-12"),
        ]),
        new(Leads,
        [
            .. LeadKey,
            new("sector", "nganh", "The project's sector code.", "Mã ngành của dự án.", "heavyIndustry", true),
            new("estimated_capital_amount", "von_du_kien", "The estimated capital, a plain decimal or a number cell.", "Vốn dự kiến (số thập phân).", "150000000.00", true),
            new("currency", "tien_te", "USD or VND.", "USD hoặc VND.", "USD", true),
            new("usd_rate", "ty_gia", "For VND: the VND for one USD used to express it in USD.", "Với VND: tỷ giá VND/USD.", ""),
            new("rate_date", "ngay_ty_gia", "For VND: the date of that rate.", "Với VND: ngày của tỷ giá.", ""),
            new("source", "nguon", "How the lead came (tradeMission, investmentConference, embassyOrTradeOffice, vsipNetwork, referral, walkIn, other).",
                "Nguồn của đầu mối (tradeMission, investmentConference…).", "tradeMission", true),
            new("owner", "can_bo_phu_trach", "The owning officer (a token subject). Empty: who runs the import.", "Cán bộ phụ trách. Để trống: người nhập.", "officer.nguyen"),
            new("opened_on", "ngay_mo", "The day the lead was opened.", "Ngày mở đầu mối.", "2014-03-12", true),
            new("stage", "giai_doan", "The open stage the lead reached (prospect, engaged, siteVisit, commitment, applied). Empty: prospect.",
                "Giai đoạn đã đạt (prospect, engaged, siteVisit, commitment, applied). Để trống: prospect.", "siteVisit"),
            new("stage_on", "ngay_giai_doan", "The day it reached that stage. Empty: opened_on.", "Ngày đạt giai đoạn đó. Để trống: ngày mở.", "2014-04-02"),
            new("lost_reason_code", "ma_ly_do_mat", "When the lead was lost (at its stage): the reason's code (anotherCountry, anotherZone, landOrSite, incentives, infrastructure, financing, strategyChanged, noResponse, other).",
                "Nếu đầu mối không thành: mã lý do (anotherCountry, anotherZone, landOrSite…).", ""),
            new("lost_reason", "ly_do_mat", "What happened, in the officer's words. Empty: the reason's name.", "Diễn giải lý do không thành.", ""),
            new("lost_to_country", "mat_cho_quoc_gia", "For anotherCountry: the country the investor chose (ISO 3166-1 alpha-2).", "Với anotherCountry: quốc gia nhà đầu tư chọn.", ""),
            new("lost_to_zone", "mat_cho_khu", "For anotherZone: the zone in Vietnam the investor chose.", "Với anotherZone: khu nhà đầu tư chọn.", ""),
            new("lost_on", "ngay_mat", "The day the lead was lost: required with lost_reason_code.", "Ngày đầu mối không thành (bắt buộc khi có mã lý do).", ""),
            KnownSince("2014-03-12"),
        ]),
        new(Contacts,
        [
            .. LeadKey,
            new("occurred_at", "thoi_diem", "When it happened, as an instant with its offset (2014-03-10T02:30:00Z). Give this or occurred_at_local. With the lead, it identifies the contact.",
                "Thời điểm tiếp xúc, có múi giờ (2014-03-10T02:30:00Z). Điền cột này hoặc thoi_diem_dia_phuong.", ""),
            new("occurred_at_local", "thoi_diem_dia_phuong", "When it happened, in Vietnam's time: 2014-03-10 09:30, 10/03/2014 09:30 or a date cell with its time.",
                "Thời điểm tiếp xúc theo giờ Việt Nam: 2014-03-10 09:30 hoặc 10/03/2014 09:30.", "2014-03-20 09:30"),
            new("channel", "hinh_thuc", "meeting, call, email, siteVisit, event, videoCall or other.", "Hình thức: meeting, call, email, siteVisit, event, videoCall, other.", "siteVisit", true),
            new("officers", "can_bo", "The authority's people who took part, separated by ';' (personal data).", "Cán bộ tham gia, cách nhau bởi ';'.", "officer.nguyen"),
            new("investor_people", "nguoi_cua_nha_dau_tu", "The investor's people who took part, separated by ';'. At least one person in all.",
                "Người của nhà đầu tư tham gia, cách nhau bởi ';'. Ít nhất một người.", "Plant director"),
            new("summary", "noi_dung", "What was said.", "Nội dung trao đổi.", "Toured the port and the 28 ha plot.", true),
            new("next_step", "buoc_tiep_theo", "What comes next.", "Bước tiếp theo.", "Send the grid connection plan."),
            new("follow_up_on", "ngay_theo_doi", "When to follow up (not before the contact).", "Ngày cần theo dõi tiếp.", "2014-04-03"),
            KnownSince("2014-03-20"),
        ]),
    ];

    /// <summary>A lead is identified by its investor, zone and project name (the contacts sheet names its lead so too).</summary>
    private static ImportColumn[] LeadKey =>
    [
        new("investor", "nha_dau_tu", "The investor's legal name, from the investors sheet or already registered.", "Tên nhà đầu tư (trong sheet investors hoặc đã đăng ký).",
            "Doosan Heavy Industries & Construction", true),
        new("zone", "khu", "The zone's code (GET /api/v1/zones).", "Mã khu (GET /api/v1/zones).", "dung-quat", true),
        new("project_name", "ten_du_an", "The prospective project's name: with the investor and the zone, it identifies the lead.",
            "Tên dự án dự kiến; cùng nhà đầu tư và khu xác định đầu mối.", "Doosan heavy industries plant, phase 2", true),
    ];

    public static ImportSheet? Named(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
