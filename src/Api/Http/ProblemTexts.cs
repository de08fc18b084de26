namespace Investment.Api.Http;

/// <summary>
/// Problems in Vietnamese. English titles and details are written where each problem is made; in Vietnamese the title
/// comes from the problem's status (or its code, for the few that have a title of their own) and the detail from the
/// code: a sentence built from the problem's own values where it has them (the parameter, the fields, the ETag), else
/// the code's explanation, the same words its /problems page shows. So a Vietnamese answer never carries English text,
/// and a new problem code needs one line here (a test lists every code of <see cref="ProblemTypes.All"/> without one).
/// </summary>
public static class ProblemTexts
{
    /// <summary>What each code means and what to do, in Vietnamese: one line per code, beside ProblemTypes' English.</summary>
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["validation.failed"] = "Một số trường của nội dung yêu cầu vi phạm quy tắc trong lược đồ OpenAPI; `errors` liệt kê thông báo theo từng trường (tên JSON). Hãy sửa lại; không gửi lại nguyên như cũ.",
        ["request.malformed_json"] = "Nội dung yêu cầu không phải JSON có cấu trúc như mong đợi: `detail` nêu đường dẫn JSON (sai kiểu, trường lạ hoặc thiếu, giá trị ngoài phạm vi như ngày không tồn tại hoặc thời điểm không có múi giờ).",
        [ProblemTypes.InvalidParameter] = "Không dùng được một tham số truy vấn, giá trị trên đường dẫn hoặc tiêu đề (mã request.invalid_{tên}, ví dụ request.invalid_limit, request.invalid_cursor): tài liệu OpenAPI nêu các giá trị được chấp nhận.",
        ["request.invalid"] = "Không đọc được yêu cầu.",
        ["auth.unauthenticated"] = "Thiếu mã thông báo hợp lệ: gửi `Authorization: Bearer <token>`, một JWT còn hạn do cơ quan cấp.",
        ["auth.forbidden"] = "Vai trò của mã thông báo không được phép thực hiện thao tác này: cán bộ và quản trị viên được ghi, đối tác chỉ đọc số liệu công khai, quản trị viên đặt chỉ tiêu.",
        ["resource.not_found"] = "Không có gì tại địa chỉ này.",
        ["investor.not_found"] = "Không có nhà đầu tư nào mang mã định danh này.",
        ["lead.not_found"] = "Không có dự án tiềm năng nào mang mã định danh này.",
        ["contact.not_found"] = "Dự án tiềm năng không có lần tiếp xúc nào mang mã định danh này.",
        ["certificate.not_found"] = "Không có Giấy chứng nhận đầu tư nào mang mã định danh này.",
        ["zone.not_found"] = "Không có khu nào mang mã này; GET /api/v1/zones liệt kê các khu.",
        ["import.not_found"] = "Không có lần nhập dữ liệu nào có mã này.",
        ["import.unsupported_file_type"] = "Nhập dữ liệu nhận multipart/form-data gồm một tệp .xlsx (theo mẫu) hoặc các tệp CSV đặt tên theo tên trang tính.",
        ["import.rejected"] = "Tệp có lỗi nên không có dữ liệu nào được lưu: `problems` liệt kê từng lỗi với trang tính, dòng, cột, mã lỗi và mô tả. Hãy sửa các dòng đó rồi tải lên lại.",
        ["import.empty_file"] = "Yêu cầu tải lên không có tệp, hoặc không có dòng dữ liệu nào trong các trang tính của mẫu.",
        ["import.unreadable_file"] = "Tệp không phải là sổ tính .xlsx đọc được hoặc văn bản CSV mã hóa UTF-8 (hoặc nội dung multipart bị hỏng).",
        ["import.unknown_sheet"] = "Một phần CSV không được đặt tên theo trang tính nào của mẫu (investors, certificates, amendments, inspections, revocations, leads, contacts).",
        ["import.concurrent_change"] = "Trong lúc nhập, một thông tin của tệp đã được nhập tay; không có dữ liệu nào được lưu: hãy tải tệp lên lại.",
        ["import.failed"] = "Lần nhập chạy nền bị lỗi ngoài dự kiến; không có dữ liệu nào được lưu.",
        ["import.interrupted"] = "Tiến trình chạy lần nhập này đã dừng trước khi xong (bị dừng, khởi động lại hoặc bị tắt); không có dữ liệu nào của lần nhập được lưu, vì lần nhập lưu tất cả trong một giao dịch hoặc không lưu gì: hãy tải tệp lên lại.",
        ["target.not_found"] = "Chưa đặt chỉ tiêu cho khu và năm này.",
        ["request.method_not_allowed"] = "Phương thức này không được phép tại địa chỉ này.",
        ["request.not_acceptable"] = "Không thể trả lời theo kiểu dữ liệu yêu cầu trong Accept.",
        ["investor.duplicate"] = "Đã đăng ký một nhà đầu tư cùng quốc gia và cùng tên pháp lý (so sánh không phân biệt hoa thường, dấu hay khoảng trắng); thông báo lỗi có liên kết tới nhà đầu tư đó.",
        ["lead.lost"] = "Dự án tiềm năng đã bị mất: hãy mở lại trước.",
        ["lead.already_lost"] = "Dự án tiềm năng đã được ghi nhận là mất.",
        ["lead.not_lost"] = "Chỉ mở lại được dự án tiềm năng đã mất.",
        ["lead.certified"] = "Dự án tiềm năng đã được cấp Giấy chứng nhận đầu tư: không đổi giai đoạn được nữa.",
        ["lead.certification_needs_certificate"] = "Dự án tiềm năng chỉ chuyển sang giai đoạn đã cấp phép khi Giấy chứng nhận đầu tư ghi tên nó được cấp.",
        ["lead.reason_required"] = "Đưa dự án tiềm năng trở lại giai đoạn trước cần nêu lý do.",
        ["lead.lose_with_reason"] = "Ghi nhận mất dự án tiềm năng qua POST /leads/{id}/lose kèm lý do.",
        ["lead.date_before_stage"] = "Ngày đã cho trước ngày dự án tiềm năng vào giai đoạn hiện tại.",
        ["contact.in_future"] = "Thời điểm tiếp xúc nằm trong tương lai.",
        ["contact.follow_up_before_contact"] = "Ngày theo dõi tiếp trước ngày tiếp xúc.",
        ["contact.withdrawn"] = "Lần tiếp xúc đã bị rút lại: không thể sửa hay rút lại nữa.",
        ["date.in_future"] = "Ngày nghiệp vụ sau ngày hôm nay theo giờ Việt Nam.",
        ["certificate.number_taken"] = "Một Giấy chứng nhận đầu tư khác đã mang số này; thông báo lỗi có liên kết tới giấy đó.",
        ["certificate.revoked"] = "Giấy chứng nhận đầu tư đã bị thu hồi: không ghi nhận thêm gì được nữa.",
        ["certificate.already_suspended"] = "Giấy chứng nhận đầu tư đang bị tạm ngừng.",
        ["certificate.not_suspended"] = "Chỉ cho hoạt động trở lại được Giấy chứng nhận đầu tư đang tạm ngừng.",
        ["certificate.investor_already_party"] = "Lần điều chỉnh thêm một nhà đầu tư đã có tên trong Giấy chứng nhận đầu tư.",
        ["certificate.investor_not_party"] = "Lần điều chỉnh rút tên một nhà đầu tư không có trong Giấy chứng nhận đầu tư vào ngày điều chỉnh.",
        ["certificate.shares_above_100"] = "Tổng tỷ lệ góp vốn đã biết của các nhà đầu tư sẽ vượt quá 100 %.",
        ["certificate.no_investor_left"] = "Lần điều chỉnh sẽ khiến Giấy chứng nhận đầu tư không còn nhà đầu tư nào: khi chuyển nhượng dự án, hãy nêu bên nhận chuyển nhượng.",
        ["certificate.date_before_issue"] = "Ngày đã cho trước ngày cấp Giấy chứng nhận đầu tư.",
        ["certificate.date_out_of_order"] = "Ngày đã cho trước sự kiện được ghi nhận gần nhất của Giấy chứng nhận đầu tư.",
        ["certificate.amendment_out_of_order"] = "Lần điều chỉnh có ngày trước lần điều chỉnh trước đó.",
        ["certificate.capital_below_zero"] = "Mức vốn điều chỉnh giảm sẽ làm vốn đăng ký nhỏ hơn không.",
        ["certificate.extension_limit"] = "Tổng thời gian giãn tiến độ trong suốt thời hạn của dự án không quá 24 tháng.",
        ["certificate.milestone_before_issue"] = "Một mốc tiến độ có hạn trước ngày cấp.",
        ["certificate.unknown_milestone"] = "Một mốc được ghi là đã hoàn thành không có trong tiến độ của Giấy chứng nhận đầu tư.",
        ["certificate.lead_mismatch"] = "Dự án tiềm năng được nêu thuộc khu khác hoặc nhà đầu tư khác.",
        ["target.invalid_range"] = "Mức tối thiểu của chỉ tiêu lớn hơn mức tối đa.",
        ["concurrency.conflict"] = "Một thao tác ghi khác vào cùng tài nguyên diễn ra cùng lúc và dữ liệu của bạn chưa được lưu: hãy thử lại (với cùng Idempotency-Key).",
        ["resource.conflict"] = "Một bản ghi cùng định danh vừa được lưu cùng lúc; dữ liệu của bạn chưa được lưu: hãy đọc lại rồi thử lại.",
        ["idempotency.in_progress"] = "Một yêu cầu với Idempotency-Key này vẫn đang chạy: hãy thử lại sau giây lát.",
        ["idempotency.answer_lost"] = "Yêu cầu đầu tiên với Idempotency-Key này đã được lưu nhưng không giữ được câu trả lời: đừng gửi lại; hãy đọc tài nguyên để xem đã ghi nhận gì.",
        ["request.conflict"] = "Yêu cầu mâu thuẫn với trạng thái của tài nguyên.",
        ["concurrency.target_missing"] = "Đã gửi If-Match để sửa chỉ tiêu của một năm chưa có chỉ tiêu: không gửi If-Match (hoặc gửi If-None-Match: *) để tạo mới.",
        ["concurrency.target_exists"] = "If-None-Match: * yêu cầu tạo chỉ tiêu cho một năm đã có: hãy GET chỉ tiêu đó và gửi ETag của nó trong If-Match để sửa.",
        ["concurrency.stale"] = "Tài nguyên đã thay đổi kể từ lúc bạn đọc (If-Match không còn khớp ETag): hãy GET lại, quyết định lại và gửi với ETag mới.",
        ["request.too_large"] = "Nội dung yêu cầu lớn hơn 1 MiB.",
        ["request.unsupported_media_type"] = "Hãy gửi nội dung dạng JSON với `Content-Type: application/json`.",
        ["idempotency.key_reused"] = "Idempotency-Key này đã được dùng cho một yêu cầu khác: hãy dùng khóa mới cho yêu cầu mới.",
        ["lead.investor_unknown"] = "investorId không trỏ tới nhà đầu tư đã đăng ký nào: hãy đăng ký nhà đầu tư trước.",
        ["lead.zone_unknown"] = "zone không phải mã khu; GET /api/v1/zones liệt kê các khu.",
        ["certificate.investor_unknown"] = "investorIds nêu một nhà đầu tư chưa đăng ký.",
        ["certificate.zone_unknown"] = "zone không phải mã khu; GET /api/v1/zones liệt kê các khu.",
        ["certificate.lead_unknown"] = "leadId không trỏ tới dự án tiềm năng nào.",
        ["request.unprocessable"] = "Yêu cầu tham chiếu tới một đối tượng không dùng được.",
        ["request.rate_limited"] = "Máy khách này gửi quá nhiều yêu cầu trong phút này: hãy chờ số giây trong `Retry-After`.",
        ["server.error"] = "Lỗi của hệ thống, bạn không thể tự khắc phục. Hãy báo lỗi kèm `traceId`.",
        ["database.unavailable"] = "Không kết nối được cơ sở dữ liệu; chưa có gì được lưu. Hãy chờ số giây trong `Retry-After` rồi thử lại (với cùng Idempotency-Key).",
        ["service.unavailable"] = "Dịch vụ tạm thời không trả lời được; hãy chờ số giây trong `Retry-After` rồi thử lại.",
        ["request.failed"] = "Yêu cầu không thực hiện được.",
    };

    /// <summary>The title of a problem in the answer's language.</summary>
    public static string Title(string? code, int status, string? english) => !Languages.InVietnamese ? english ?? "" : code switch
    {
        "validation.failed" => "Dữ liệu gửi lên không hợp lệ",
        "concurrency.stale" => "If-Match đã cũ",
        "concurrency.conflict" => "Thay đổi đồng thời",
        _ => status switch
        {
            400 => "Yêu cầu không hợp lệ",
            401 => "Chưa xác thực",
            403 => "Không có quyền",
            404 => "Không tìm thấy",
            405 => "Phương thức không được phép",
            406 => "Không thể trả lời theo kiểu dữ liệu yêu cầu",
            409 => "Yêu cầu vi phạm một quy tắc nghiệp vụ",
            412 => "Điều kiện tiên quyết không thỏa",
            413 => "Nội dung yêu cầu quá lớn",
            415 => "Kiểu nội dung không được hỗ trợ",
            422 => "Yêu cầu tham chiếu tới đối tượng không dùng được",
            429 => "Quá nhiều yêu cầu",
            503 => "Dịch vụ tạm thời không khả dụng",
            _ => status >= 500 ? "Không hoàn tất được yêu cầu" : "Yêu cầu không thực hiện được",
        },
    };

    /// <summary>The detail of a problem in the answer's language.</summary>
    public static string? Detail(string? code, string? english, IDictionary<string, object?> extensions, HttpContext context)
    {
        if (!Languages.InVietnamese || code is null) return english;
        if (code == "concurrency.stale" && extensions.TryGetValue("currentVersion", out var version) && version is not null)
            return $"Tài nguyên đã thay đổi kể từ lúc được đọc: ETag của nó hiện là \"{version}\". Hãy đọc lại và thử lại.";
        if (code == "resource.not_found") return $"Không có tài nguyên nào tại {context.Request.Path}.";
        if (code == "request.method_not_allowed") return $"Không được dùng {context.Request.Method} tại {context.Request.Path}.";
        if (code.StartsWith("request.invalid_", StringComparison.Ordinal) && ProblemTypes.Find(code)?.Code == ProblemTypes.InvalidParameter)
            return $"Không dùng được giá trị của '{code["request.invalid_".Length..]}': xem các giá trị được chấp nhận trong tài liệu OpenAPI của thao tác.";
        return Explanation(code) ?? english;
    }

    /// <summary>The code's explanation in Vietnamese (request.invalid_limit → that of request.invalid_parameter).</summary>
    public static string? Explanation(string code) =>
        ProblemTypes.Find(code) is { } type && Vietnamese.TryGetValue(type.Code, out var text) ? text : null;
}
