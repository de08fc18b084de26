using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Investment.Domain.Reports;
using Investment.Domain.Zones;

namespace Investment.Api.Language;

/// <summary>A code's label in both languages.</summary>
public sealed record Label(string English, string Vietnamese)
{
    public string InCurrentLanguage => Languages.InVietnamese ? Vietnamese : English;
}

/// <summary>
/// The words shown for every code the API uses, in English and Vietnamese: one line per code, both languages side by
/// side, so a translator reads the English beside the Vietnamese and a renamed code is a compile error. (A C# table
/// rather than .resx files: resource files would split each code's two labels into two XML files keyed by strings
/// that nothing checks; here the keys are the domain's own enum values, and a test lists every code with no line.)
/// Codes are the enums of the domain that answers and requests carry, found by reflection (so a code added later is
/// caught by the test), plus the string codes below. Vietnamese uses the terms of Vietnamese investment law and
/// statistics (Giấy chứng nhận đầu tư, vốn đăng ký, vốn điều chỉnh tăng/giảm, thu hồi, tiến độ, vốn thực hiện…).
/// </summary>
public static class Labels
{
    public static readonly IReadOnlyDictionary<Enum, Label> Codes = new Dictionary<Enum, Label>
    {
        [Sector.HeavyIndustry] = new("Heavy industry", "Công nghiệp nặng"),
        [Sector.SteelAndMetallurgy] = new("Steel and metallurgy", "Thép và luyện kim"),
        [Sector.PetrochemicalsAndRefining] = new("Petrochemicals and refining", "Lọc dầu và hóa dầu"),
        [Sector.Energy] = new("Energy", "Năng lượng"),
        [Sector.PortAndLogistics] = new("Port and logistics", "Cảng biển và dịch vụ logistics"),
        [Sector.SupportingIndustries] = new("Supporting industries", "Công nghiệp hỗ trợ"),
        [Sector.LightIndustryAndTextiles] = new("Light industry and textiles", "Công nghiệp nhẹ, dệt may"),
        [Sector.AgroAndFoodProcessing] = new("Agricultural and food processing", "Chế biến nông sản, thực phẩm"),
        [Sector.IndustrialAndUrbanInfrastructure] = new("Industrial and urban infrastructure", "Hạ tầng khu công nghiệp và đô thị"),
        [Sector.TourismAndServices] = new("Tourism and services", "Du lịch và dịch vụ"),
        [Sector.Other] = new("Other", "Ngành khác"),

        [LeadStage.Prospect] = new("Prospect", "Tiềm năng"),
        [LeadStage.Engaged] = new("Engaged", "Đang trao đổi"),
        [LeadStage.SiteVisit] = new("Site visit", "Khảo sát địa điểm"),
        [LeadStage.Commitment] = new("Commitment (MoU)", "Cam kết (biên bản ghi nhớ)"),
        [LeadStage.Applied] = new("Applied (dossier submitted)", "Đã nộp hồ sơ"),
        [LeadStage.Certified] = new("Certified", "Đã cấp Giấy chứng nhận đầu tư"),
        [LeadStage.Lost] = new("Lost", "Không thành công"),

        [LeadSource.TradeMission] = new("Trade mission", "Đoàn xúc tiến đầu tư"),
        [LeadSource.InvestmentConference] = new("Investment conference", "Hội nghị xúc tiến đầu tư"),
        [LeadSource.EmbassyOrTradeOffice] = new("Embassy or trade office", "Đại sứ quán hoặc cơ quan thương vụ"),
        [LeadSource.VsipNetwork] = new("VSIP network", "Mạng lưới VSIP"),
        [LeadSource.Referral] = new("Referral", "Được giới thiệu"),
        [LeadSource.WalkIn] = new("Walk-in", "Nhà đầu tư tự tìm đến"),
        [LeadSource.Other] = new("Other", "Nguồn khác"),

        [ContactChannel.Meeting] = new("Meeting", "Gặp mặt trực tiếp"),
        [ContactChannel.Call] = new("Phone call", "Điện thoại"),
        [ContactChannel.Email] = new("Email", "Thư điện tử"),
        [ContactChannel.SiteVisit] = new("Site visit", "Khảo sát thực địa"),
        [ContactChannel.Event] = new("Event", "Sự kiện"),
        [ContactChannel.VideoCall] = new("Video call", "Họp trực tuyến"),
        [ContactChannel.Other] = new("Other", "Hình thức khác"),

        [CertificateStatus.Active] = new("Active", "Đang hoạt động"),
        [CertificateStatus.Suspended] = new("Suspended", "Tạm ngừng hoạt động"),
        [CertificateStatus.Revoked] = new("Revoked", "Đã thu hồi"),

        [Progress.OnSchedule] = new("On schedule", "Đúng tiến độ"),
        [Progress.Delayed] = new("Delayed", "Chậm tiến độ"),
        [Progress.Stalled] = new("Stalled", "Ngừng triển khai"),

        // Law on Investment 67/2014/QH13, Article 48: clause 1 the investor ends the project, clause 2 the authority does.
        [RevocationGround.InvestorDecision] = new("The investor decides to stop the project (Law on Investment 67/2014/QH13, Article 48(1)(a))",
            "Nhà đầu tư quyết định chấm dứt hoạt động dự án (Luật Đầu tư số 67/2014/QH13, Điều 48 khoản 1 điểm a)"),
        [RevocationGround.ContractOrCharterCondition] = new("A condition for ending set in the contract or the company's charter (Article 48(1)(b))",
            "Theo điều kiện chấm dứt hoạt động quy định trong hợp đồng, điều lệ doanh nghiệp (Điều 48 khoản 1 điểm b)"),
        [RevocationGround.DurationExpired] = new("The project's duration has expired (Article 48(1)(c))",
            "Hết thời hạn hoạt động của dự án đầu tư (Điều 48 khoản 1 điểm c)"),
        [RevocationGround.SuspensionNotRemedied] = new("Suspended, and the investor cannot remedy the cause (Article 48(2)(a))",
            "Dự án bị ngừng hoạt động mà nhà đầu tư không có khả năng khắc phục điều kiện ngừng hoạt động (Điều 48 khoản 2 điểm a)"),
        [RevocationGround.SiteLostNotRelocated] = new("The site is lost and no new location was registered within 6 months (Article 48(2)(b))",
            "Nhà đầu tư không được tiếp tục sử dụng địa điểm đầu tư và không điều chỉnh địa điểm trong thời hạn 06 tháng (Điều 48 khoản 2 điểm b)"),
        [RevocationGround.InvestorUnreachable] = new("The investor cannot be reached 12 months after the project stopped (Article 48(2)(c))",
            "Dự án đã ngừng hoạt động quá 12 tháng và cơ quan đăng ký đầu tư không liên lạc được với nhà đầu tư (Điều 48 khoản 2 điểm c)"),
        [RevocationGround.BehindScheduleNoExtension] = new("More than 12 months behind the registered schedule, not a case allowed to extend (Article 48(2)(d))",
            "Chậm tiến độ thực hiện dự án đã đăng ký quá 12 tháng và không thuộc trường hợp được giãn tiến độ (Điều 48 khoản 2 điểm d)"),
        [RevocationGround.CourtOrArbitration] = new("A court judgment or decision, or an arbitral award (Article 48(2)(đ))",
            "Theo bản án, quyết định của Tòa án, phán quyết trọng tài (Điều 48 khoản 2 điểm đ)"),

        [InvestorChangeKind.Joined] = new("Investors joined", "Bổ sung nhà đầu tư"),
        [InvestorChangeKind.Left] = new("Investors left", "Nhà đầu tư rút khỏi dự án"),
        [InvestorChangeKind.Replaced] = new("Investors replaced (a transfer of the project when all left)", "Thay đổi nhà đầu tư (chuyển nhượng dự án khi toàn bộ nhà đầu tư cũ rút)"),

        [WatchRule.MilestoneOverdue] = new("A milestone more than 12 months behind schedule, no extension allowed (Law 67/2014/QH13, Article 48(2)(d))",
            "Chậm tiến độ quá 12 tháng, không thuộc trường hợp được giãn tiến độ (Luật Đầu tư 67/2014/QH13, Điều 48 khoản 2 điểm d)"),
        [WatchRule.NoRecentInspection] = new("No inspection in the last 6 months", "Không được kiểm tra trong 6 tháng gần nhất"),
        [WatchRule.SuspendedTooLong] = new("Suspended for more than 6 months", "Tạm ngừng hoạt động quá 6 tháng"),
        [WatchRule.LastInspectionStalled] = new("The last inspection found the project stalled", "Lần kiểm tra gần nhất: dự án ngừng triển khai"),

        [MovementKind.NewCertificate] = new("New certificate", "Cấp mới"),
        [MovementKind.CapitalIncrease] = new("Capital increase", "Điều chỉnh tăng vốn"),
        [MovementKind.CapitalReduction] = new("Capital reduction", "Điều chỉnh giảm vốn"),
        [MovementKind.OtherAmendment] = new("Amendment without a change of capital", "Điều chỉnh không thay đổi vốn"),
        [MovementKind.Revocation] = new("Revocation", "Thu hồi"),

        [TargetPosition.NoTarget] = new("No target set", "Chưa đặt chỉ tiêu"),
        [TargetPosition.Below] = new("Below the target", "Chưa đạt chỉ tiêu"),
        [TargetPosition.Within] = new("Within the target", "Đạt chỉ tiêu"),
        [TargetPosition.Above] = new("Above the target", "Vượt chỉ tiêu"),

        [ForecastMethod.StraightLine] = new("Straight line: attracted so far, scaled to the whole year", "Ngoại suy tuyến tính: vốn thu hút đến nay quy ra cả năm"),
        [ForecastMethod.Pipeline] = new("Pipeline: attracted so far plus the open leads' expected capital", "Theo danh mục dự án tiềm năng: vốn thu hút đến nay cộng vốn kỳ vọng của các dự án đang xúc tiến"),

        [LossReason.AnotherCountry] = new("Chose another country", "Chọn đầu tư ở quốc gia khác"),
        [LossReason.AnotherZone] = new("Chose another zone in Vietnam", "Chọn khu kinh tế, khu công nghiệp khác trong nước"),
        [LossReason.LandOrSite] = new("Land or site", "Mặt bằng, địa điểm"),
        [LossReason.Incentives] = new("Incentives", "Chính sách ưu đãi đầu tư"),
        [LossReason.Infrastructure] = new("Infrastructure", "Hạ tầng"),
        [LossReason.Financing] = new("Financing", "Nguồn vốn, tài chính"),
        [LossReason.StrategyChanged] = new("The investor's strategy changed", "Nhà đầu tư thay đổi chiến lược"),
        [LossReason.NoResponse] = new("No response", "Nhà đầu tư không phản hồi"),
        [LossReason.Other] = new("Other", "Lý do khác"),

        [ZoneKind.EconomicZone] = new("Economic zone", "Khu kinh tế"),
        [ZoneKind.IndustrialPark] = new("Industrial park", "Khu công nghiệp"),
        [ZoneKind.IndustrialCluster] = new("Industrial cluster", "Cụm công nghiệp"),

        [Currency.USD] = new("US dollar", "Đô la Mỹ"),
        [Currency.VND] = new("Vietnamese dong", "Đồng Việt Nam"),
    };

    /// <summary>Codes that are strings, not enums: (kind, code) → label.</summary>
    public static readonly IReadOnlyDictionary<(string Kind, string Code), Label> Named = new Dictionary<(string, string), Label>
    {
        [(CountingRuleKind, CountingRule.NewPlusAdditional2014.Code)] = new("Vietnam 2014: newly registered plus additional capital",
            "Cách tính năm 2014: vốn đăng ký cấp mới cộng vốn điều chỉnh tăng, trừ vốn điều chỉnh giảm"),
        [(CountingRuleDescriptionKind, CountingRule.NewPlusAdditional2014.Code)] = new(CountingRule.NewPlusAdditional2014.Description,
            "Vốn đăng ký của các dự án được cấp Giấy chứng nhận đầu tư trong kỳ, cộng vốn điều chỉnh tăng và trừ vốn điều chỉnh giảm của các lần "
            + "điều chỉnh có ngày trong kỳ (ngày nghiệp vụ theo giờ Việt Nam). Vốn của các dự án bị thu hồi trong kỳ được báo cáo bên cạnh, không "
            + "trừ vào tổng. Không tính góp vốn, mua cổ phần. Số tiền bằng VND được quy đổi sang USD theo tỷ giá ghi kèm từng khoản và làm tròn "
            + "đến cent (làm tròn nửa lên, ra xa số 0) một lần tại chỗ quy đổi; các tổng là tổng của các số đã làm tròn."),
        [(RoundingKind, Money.Rounding)] = new(Money.Rounding, "đến cent, làm tròn nửa ra xa số 0"),
        [(ReportPeriodKind, "first-half")] = new("First half of the year (1 January – 30 June)", "6 tháng đầu năm (1/1 – 30/6)"),
        [(ReportPeriodKind, "year")] = new("Whole year", "Cả năm"),
    };

    public const string CountingRuleKind = "countingRule";
    public const string ReportPeriodKind = "reportPeriod";
    public const string CountingRuleDescriptionKind = "countingRuleDescription";
    public const string RoundingKind = "rounding";

    /// <summary>A counting rule with its description and rounding in the answer's language (its code unchanged).</summary>
    public static CountingRule Of(CountingRule rule) => Languages.InVietnamese
        ? rule with { Description = Of(CountingRuleDescriptionKind, rule.Code) is var d && d != rule.Code ? d : rule.Description, Rounding = Of(RoundingKind, rule.Rounding) }
        : rule;

    /// <summary>Enums of the domain that no answer or request carries: they have no label.</summary>
    public static readonly IReadOnlyList<Type> NotShown =
    [
        typeof(RefusalKind), // chooses 404 or 409; the answer carries the refusal's code
        typeof(Idempotency.Outcome), typeof(Idempotency.Unanswered), // the idempotency records' bookkeeping
        typeof(LeadFactKind), // what the reports count, never shown as such
    ];

    /// <summary>The label of a code, in the answer's language; the code itself when it has none (a test prevents that).</summary>
    public static string Of(Enum code) => Codes.TryGetValue(code, out var label) ? label.InCurrentLanguage : Json.Name(code.ToString());

    public static string Of(string kind, string code) => Named.TryGetValue((kind, code), out var label) ? label.InCurrentLanguage : code;

    /// <summary>Every label in one language, by kind (the enum's JSON name: sector, leadStage…) and code, as clients send codes.</summary>
    public static SortedDictionary<string, SortedDictionary<string, string>> In(string language)
    {
        var all = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        void Add(string kind, string code, Label label)
        {
            if (!all.TryGetValue(kind, out var codes)) all[kind] = codes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            codes[code] = language == Languages.Vietnamese ? label.Vietnamese : label.English;
        }
        foreach (var (code, label) in Codes) Add(Json.Name(code.GetType().Name), CodeOf(code), label);
        foreach (var ((kind, code), label) in Named) Add(kind, code, label);
        return all;
    }

    /// <summary>A code as JSON writes it: camelCase (heavyIndustry), or the name an enum member declares (USD).</summary>
    public static string CodeOf(Enum code)
    {
        var member = code.GetType().GetField(code.ToString());
        return member?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false).FirstOrDefault()
            is System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute named ? named.Name : Json.Name(code.ToString());
    }
}
