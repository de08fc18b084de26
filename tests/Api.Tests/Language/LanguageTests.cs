using Investment.Api.Language;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;

namespace Investment.Api.Tests.Language;

public sealed class LanguageTests(ApiFixture fixture) : ApiTest(fixture)
{
    private Task<Alba.IScenarioResult> GetIn(string? acceptLanguage, string url, string? token = null) => Host.Send(token ?? Officer, s =>
    {
        s.Get.Url(url);
        if (acceptLanguage is not null) s.WithRequestHeader("Accept-Language", acceptLanguage);
    });

    [Fact]
    public async Task a_problem_answers_in_vietnamese_when_asked_and_keeps_its_code_and_type()
    {
        var result = await GetIn("vi", $"/api/v1/investors/{Guid.NewGuid()}");

        var problem = await result.ShouldBe(404, "investor.not_found");
        Assert.Equal("Không tìm thấy", problem.Title);
        Assert.Equal("Không có nhà đầu tư nào mang mã định danh này.", problem.Detail);
        Assert.Equal("/problems/investor.not_found", problem.Type);
        Assert.Equal("vi", result.Header("Content-Language"));
        Assert.Contains("Accept-Language", result.Header("Vary"));
    }

    [Theory]
    [InlineData(null, "en")] // no header: the default
    [InlineData("vi-VN", "vi")] // a regional tag: its language
    [InlineData("en;q=0.5, vi;q=0.9", "vi")] // quality values, not the order, decide
    [InlineData("vi;q=0.2, en-GB;q=0.8", "en")]
    [InlineData("fr-FR, fr;q=0.9", "en")] // a language the API does not speak: the default
    [InlineData("de, vi;q=0.5", "vi")] // the best one it speaks
    public async Task the_language_is_chosen_by_accept_language(string? header, string expected)
    {
        var result = await GetIn(header, $"/api/v1/investors/{Guid.NewGuid()}");

        Assert.Equal(expected, result.Header("Content-Language"));
        var problem = await result.Read<Problem>();
        Assert.Equal(expected == "vi" ? "Không tìm thấy" : "Not found", problem.Title);
    }

    [Fact]
    public async Task field_errors_are_in_vietnamese_with_the_field_names_as_clients_send_them()
    {
        var result = await Host.Send(Officer, s =>
        {
            s.Post.Json(new { legalName = "", country = "Japan", sectors = Array.Empty<string>() }).ToUrl("/api/v1/investors");
            s.WithRequestHeader("Accept-Language", "vi");
        });

        var problem = await result.ShouldBe(400, "validation.failed");
        Assert.Equal("Dữ liệu gửi lên không hợp lệ", problem.Title);
        Assert.StartsWith("Yêu cầu có ", problem.Detail);
        Assert.Contains("country phải là mã ISO 3166-1 alpha-2, ví dụ JP, KR, SG hoặc VN.", problem.Errors!["country"]);
        Assert.Contains("sectors phải nêu ít nhất một ngành.", problem.Errors!["sectors"]);
        // FluentValidation's own message, in its Vietnamese, naming the field as JSON does.
        Assert.Contains(problem.Errors!["legalName"], m => m.Contains("'legalName'", StringComparison.Ordinal) && !m.Contains("must", StringComparison.Ordinal));
    }

    [Fact]
    public async Task english_stays_the_answer_for_english_clients()
    {
        var result = await Host.Send(Officer, s =>
        {
            s.Post.Json(new { legalName = "X1", country = "Japan", sectors = new[] { "energy" } }).ToUrl("/api/v1/investors");
            s.WithRequestHeader("Accept-Language", "en-US");
        });

        var problem = await result.ShouldBe(400, "validation.failed");
        Assert.Contains("country must be an ISO 3166-1 alpha-2 code, such as JP, KR, SG or VN.", problem.Errors!["country"]);
        Assert.Equal("en", result.Header("Content-Language"));
    }

    [Fact]
    public async Task a_bad_parameter_names_it_in_vietnamese()
    {
        var problem = await (await GetIn("vi", "/api/v1/certificates?sort=size")).ShouldBe(400, "request.invalid_sort");

        Assert.Equal("Yêu cầu không hợp lệ", problem.Title);
        Assert.Contains("'sort'", problem.Detail);
    }

    [Fact]
    public async Task the_problem_pages_speak_the_language_asked()
    {
        var result = await GetIn("vi", "/problems/certificate.revoked", token: null);

        var page = await result.ReadAsTextAsync();
        Assert.Contains("lang=\"vi\"", page);
        Assert.Contains("Giấy chứng nhận đầu tư đã bị thu hồi", System.Net.WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task the_labels_come_in_the_language_asked_with_an_etag_that_answers_304()
    {
        var vietnamese = await GetIn("vi", "/api/v1/labels", Partner);
        var labels = await vietnamese.Read<LabelSet>();
        Assert.Equal("vi", labels.Language);
        Assert.Equal("Công nghiệp nặng", labels.Labels["sector"]["heavyIndustry"]);
        Assert.Equal("Đã thu hồi", labels.Labels["certificateStatus"]["revoked"]);
        Assert.Equal("Điều chỉnh tăng vốn", labels.Labels["movementKind"]["capitalIncrease"]);
        Assert.Contains("Điều 48 khoản 2 điểm d", labels.Labels["revocationGround"]["behindScheduleNoExtension"]);
        Assert.Equal("Đô la Mỹ", labels.Labels["currency"]["USD"]);
        Assert.Equal("6 tháng đầu năm (1/1 – 30/6)", labels.Labels["reportPeriod"]["first-half"]);

        var english = await (await GetIn("en", "/api/v1/labels", Partner)).Read<LabelSet>();
        Assert.Equal("Heavy industry", english.Labels["sector"]["heavyIndustry"]);
        Assert.Equal(labels.Labels.Keys, english.Labels.Keys);

        var etag = vietnamese.Header("ETag")!;
        var again = await Host.Send(Partner, s =>
        {
            s.Get.Url("/api/v1/labels");
            s.WithRequestHeader("Accept-Language", "vi");
            s.WithRequestHeader("If-None-Match", etag);
        });
        Assert.Equal(304, again.Context.Response.StatusCode);
        var inEnglish = await Host.Send(Partner, s =>
        {
            s.Get.Url("/api/v1/labels");
            s.WithRequestHeader("If-None-Match", etag);
        });
        Assert.Equal(200, inEnglish.Context.Response.StatusCode); // another language is another answer
    }

    [Fact]
    public async Task a_vietnamese_investor_name_is_unchanged_by_the_language()
    {
        var name = Unique("Công ty Cổ phần Đầu tư Dung Quất");
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(name, "VN"));

        var result = await GetIn("vi", $"/api/v1/investors/{investor.Id}");
        Assert.Contains("\"heavyIndustry\"", await result.ReadAsTextAsync()); // codes stay codes
    }
}

public sealed class ReportLanguageTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_report_names_its_counting_rule_in_vietnamese_and_keeps_its_code()
    {
        var result = await Host.Send(Partner, s =>
        {
            s.Get.Url("/api/v1/zones/dung-quat/reports/2014/first-half");
            s.WithRequestHeader("Accept-Language", "vi");
        });

        var report = await result.Read<Investment.Api.Reports.ZoneReport>();
        Assert.Equal("vn-2014-new-plus-additional", report.Rule.Code);
        Assert.StartsWith("Vốn đăng ký của các dự án được cấp Giấy chứng nhận đầu tư trong kỳ", report.Rule.Description);
        Assert.Equal("đến cent, làm tròn nửa ra xa số 0", report.Rule.Rounding);
    }
}
