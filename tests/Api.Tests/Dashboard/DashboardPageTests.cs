using Investment.Api.Dashboard;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Dashboard;

public sealed class DashboardPageTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData(null, null, "en")]
    [InlineData("vi", null, "vi")]
    [InlineData("vi-VN,vi;q=0.9,en-US;q=0.8", null, "vi")]
    [InlineData("fr-FR,en;q=0.5,vi;q=0.4", null, "en")]
    [InlineData("fr-FR,vi;q=0.5,en;q=0.4", null, "vi")]
    [InlineData("ja", null, "en")]
    [InlineData("vi", "en", "en")]
    [InlineData("en", "vi", "vi")]
    [InlineData("en", "xx", "en")]
    public async Task the_language_is_the_lang_parameter_else_the_best_accepted_else_english(string? acceptLanguage, string? lang, string expected)
    {
        // Through the API's own request localization, as every answer chooses its language; the page's lang parameter first.
        var page = await Host.Send(null, s =>
        {
            s.Get.Url(lang is null ? "/dashboard" : $"/dashboard?lang={lang}");
            if (acceptLanguage is not null) s.WithRequestHeader("Accept-Language", acceptLanguage);
        });
        Assert.Equal(expected, page.Context.Response.Headers.ContentLanguage.ToString());
        Assert.Contains($"<html lang=\"{expected}\">", await page.ReadAsTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard", "vi-VN,vi;q=0.9", "vi", "Bảng theo dõi thu hút đầu tư")]
    [InlineData("/dashboard?lang=en", "vi", "en", "Investment dashboard")]
    [InlineData("/dashboard", null, "en", "Investment dashboard")]
    public async Task the_page_needs_no_token_and_is_written_in_the_language_chosen(string url, string? acceptLanguage, string language, string title)
    {
        var page = await Host.Send(null, s =>
        {
            s.Get.Url(url);
            if (acceptLanguage is not null) s.WithRequestHeader("Accept-Language", acceptLanguage);
        });

        Assert.Equal("text/html; charset=utf-8", page.Context.Response.ContentType);
        Assert.Equal(language, page.Header("Content-Language"));
        var html = await page.ReadAsTextAsync();
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{System.Net.WebUtility.HtmlEncode(title)}</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_page_runs_only_its_own_script_and_styles_and_calls_only_this_api()
    {
        foreach (var url in new[] { "/dashboard", "/dashboard/dashboard.js", "/dashboard/dashboard.css" })
        {
            var answer = await Host.Send(null, s => s.Get.Url(url));
            Assert.Equal(DashboardApi.ContentSecurityPolicy, answer.Header("Content-Security-Policy"));
            Assert.Equal("DENY", answer.Header("X-Frame-Options"));
        }
        Assert.Contains("script-src 'self'", DashboardApi.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", DashboardApi.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", DashboardApi.ContentSecurityPolicy, StringComparison.Ordinal);
        var script = await (await Host.Send(null, s => s.Get.Url("/dashboard/dashboard.js"))).ReadAsTextAsync();
        Assert.Contains("sessionStorage", script, StringComparison.Ordinal);
        Assert.DoesNotContain("localStorage", script, StringComparison.Ordinal); // the token is kept for the tab only
        // The API's answers keep their own policy: data, no scripts.
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", (await Host.Send(null, s => s.Get.Url("/health/ping"))).Header("Content-Security-Policy"));
    }
}
