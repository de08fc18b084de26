using Investment.Domain.Imports;

namespace Investment.Api.Imports;

/// <summary>
/// The import's per-row problems in the answer's language, in one place. The planner and the row reader write English
/// sentences with the cell's own values, and the import record keeps them so (it is the record of what happened, read
/// later in either language). A Vietnamese answer says each problem from its stable code, naming its column: a sentence
/// of its own for the import's codes, and a decider's refusal (certificate.*, lead.*, contact.*) as its code's
/// Vietnamese explanation. A code without either keeps its English sentence (a test lists the import's codes).
/// </summary>
public static class ImportProblemTexts
{
    private static readonly IReadOnlyDictionary<string, Func<string, string>> Sentences = new Dictionary<string, Func<string, string>>(StringComparer.Ordinal)
    {
        ["import.required"] = c => $"Cột {c} là bắt buộc.",
        ["import.too_long"] = c => $"Cột {c} quá dài (hoặc liệt kê quá nhiều người).",
        ["import.invalid_text"] = c => $"Cột {c} chứa ký tự điều khiển, hoặc không đúng dạng (số giấy chứng nhận chỉ gồm chữ, số, dấu chấm, gạch chéo, gạch ngang; tên cần ít nhất một chữ cái).",
        ["import.invalid_date"] = c => $"Cột {c} không phải ngày hợp lệ: viết 2014-06-30 hoặc 30/06/2014 (thời điểm: 2014-03-10 09:30, hoặc 2014-03-10T02:30:00Z có múi giờ), và chỉ một trong occurred_at, occurred_at_local.",
        ["import.invalid_number"] = c => $"Cột {c} không phải số thập phân hợp lệ (viết 150000000.00) hoặc nằm ngoài phạm vi cho phép.",
        ["import.unknown_code"] = c => $"Cột {c} không phải mã hợp lệ: dùng mã như trong API (mẫu nhập liệu, trang columns, liệt kê các mã).",
        ["import.invalid_money"] = c => $"Cột {c}: số tiền không hợp lệ (với VND cần tỷ giá usd_rate và ngày tỷ giá rate_date).",
        ["import.invalid_milestone"] = c => $"Cột {c} không đúng dạng tên=ngày (Operation=2016-06-30), hoặc nêu một mốc hai lần.",
        ["import.formula_cell"] = c => $"Cột {c} chứa công thức: hãy nhập giá trị (giá trị của công thức chỉ là lần tính cuối của chương trình đã lưu tệp).",
        ["import.invalid_loss"] = c => $"Cột {c} không phù hợp với mã lý do: lost_to_country chỉ đi với anotherCountry (bắt buộc khi đó, không phải VN), lost_to_zone chỉ đi với anotherZone.",
        ["import.amendment_changes_nothing"] = _ => "Lần điều chỉnh không thay đổi gì: điền vốn thay đổi, gia hạn, nhà đầu tư tham gia hoặc rút, lao động, diện tích, tiến độ hoặc mục tiêu.",
        ["import.duplicate_key"] = c => $"Dòng này trùng khóa (cột {c}) với một dòng trước trong cùng trang tính.",
        ["import.conflict"] = c => $"Dòng này mâu thuẫn với dữ liệu đã lưu (cột {c}): việc nhập không bao giờ ghi đè dữ liệu đã lưu.",
        ["import.known_since_in_future"] = _ => "known_since sau ngày hôm nay.",
        ["import.known_since_before_date"] = _ => "known_since trước ngày của chính sự việc: cơ quan không thể biết sớm hơn.",
        ["import.known_since_after_use"] = _ => "known_since sau thời điểm một sự việc nêu tên nhà đầu tư này đã được biết: khi đó nhà đầu tư đã được biết.",
        ["import.unknown_investor"] = c => $"Nhà đầu tư ở cột {c} không có trong trang investors và chưa được đăng ký.",
        ["import.ambiguous_investor"] = c => $"Tên ở cột {c} chỉ nhiều nhà đầu tư của các quốc gia khác nhau: mỗi quốc gia giữ một tên trong tệp.",
        ["import.unknown_certificate"] = _ => "Giấy chứng nhận không có trong trang certificates và chưa được lưu.",
        ["import.unknown_lead"] = _ => "Dự án tiềm năng (nhà đầu tư, khu, tên dự án) không có trong trang leads và chưa được lưu.",
        ["import.amendment_out_of_sequence"] = _ => "Số lần điều chỉnh không đúng thứ tự: lần tiếp theo của giấy chứng nhận vào ngày đó là số kế tiếp.",
    };

    /// <summary>The codes with a Vietnamese sentence of their own.</summary>
    public static IEnumerable<string> Codes => Sentences.Keys;

    /// <summary>The problem as the answer's language says it.</summary>
    public static ImportProblem Said(ImportProblem problem)
    {
        if (!Languages.InVietnamese) return problem;
        var sentence = Sentences.TryGetValue(problem.Code, out var say) ? say(problem.Column ?? "—")
            : ProblemTexts.Explanation(problem.Code) ?? problem.Message;
        return problem with { Message = sentence };
    }

    /// <summary>The import as answered: its problems in the answer's language (the stored record keeps them in English).</summary>
    public static ImportRecord Said(ImportRecord record) => Languages.InVietnamese ? record with { Problems = [.. record.Problems.Select(Said)] } : record;
}
