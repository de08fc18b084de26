using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Investment.Api.Charts;
using Investment.Api.Http;
using Investment.Api.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Investment.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in a real Chromium against the API on a real port, with the demo data of the plan (which runs to 2016),
/// on 30 November 2026: a partner signs in with a token, reads Dung Quat's 2014 in English, switches to Vietnamese, then to another
/// zone; every figure the page shows equals the API's JSON. Screenshots are saved under the test output's artifacts/.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string Partner = TestTokens.For(Roles.Partner, "partner.dpi");
    private LiveHost host = null!;
    private HttpClient api = null!;
    private ChromeDriver? browser;
    private readonly string profile = Directory.CreateTempSubdirectory("investment-chromium-").FullName;

    public static string Artifacts => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        if (Browser.Missing() is not null) return;
        host = await new LiveHost(TestDatabase.Create("dashboard"), new FakeClock(Instant.FromUtc(2026, 11, 30, 3, 0))).Start();
        api = host.Client(Partner);
    }

    public async Task DisposeAsync()
    {
        browser?.Quit();
        api?.Dispose();
        if (host is not null) await host.DisposeAsync();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [BrowserFact]
    public async Task a_partner_signs_in_and_sees_the_figures_of_the_api_in_both_languages_and_for_another_zone()
    {
        browser = Browser.Start("en-GB", profile);
        try
        {
            browser.Navigate().GoToUrl(new Uri(host.Address, "/dashboard?zone=dung-quat&year=2014"));
            var signIn = Wait(() => browser.FindElement(By.Id("signin")).Displayed ? browser.FindElement(By.Id("signin")) : null);
            Assert.Contains("dotnet user-jwts create", signIn.Text, StringComparison.Ordinal); // how to get a token without one
            Assert.Equal("en", browser.FindElement(By.TagName("html")).GetAttribute("lang"));

            browser.FindElement(By.Id("token")).SendKeys(Partner);
            browser.FindElement(By.Id("token")).SendKeys(Keys.Enter); // the keyboard alone signs in
            await Shows("dung-quat", 2014, "en");
            Assert.Equal("Progress against the target", browser.FindElement(By.Id("progress-heading")).Text);
            Save("dashboard-en.png", fit: true);
            // UPDATE_SCREENSHOT=1 refreshes the README's picture (docs/dashboard.png) from this run.
            if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOT") == "1")
                File.Copy(Path.Combine(Artifacts, "dashboard-en.png"), Path.Combine(TestDatabase.RepositoryRoot(), "docs", "dashboard.png"), overwrite: true);

            new SelectElement(browser.FindElement(By.Id("lang"))).SelectByValue("vi");
            browser.FindElement(By.Id("show")).Click();
            await Shows("dung-quat", 2014, "vi");
            Assert.Equal(Texts.Get("vi", "dash.progress"), browser.FindElement(By.Id("progress-heading")).Text);
            Assert.Equal("Tiềm năng", browser.FindElement(By.CssSelector("#pipeline tr[data-stage=prospect] th")).Text);
            Save("dashboard-vi.png");

            new SelectElement(browser.FindElement(By.Id("zone"))).SelectByValue("vsip-quang-ngai");
            browser.FindElement(By.Id("show")).Click();
            await Shows("vsip-quang-ngai", 2014, "vi");

            browser.Manage().Window.Size = new System.Drawing.Size(390, 1800); // a phone's width: one column, nothing cut off
            browser.Navigate().GoToUrl(new Uri(host.Address, "/dashboard?zone=dung-quat&year=2014&lang=vi"));
            await Shows("dung-quat", 2014, "vi");
            var width = Convert.ToInt64(browser.ExecuteScript("return document.documentElement.scrollWidth;"), CultureInfo.InvariantCulture);
            var viewport = Convert.ToInt64(browser.ExecuteScript("return window.innerWidth;"), CultureInfo.InvariantCulture);
            Assert.True(width <= viewport, $"The page is {width} px wide on a {viewport} px screen.");
            Save("dashboard-phone-vi.png");

            browser.FindElement(By.Id("signout")).Click();
            Wait(() => browser.FindElement(By.Id("signin")).Displayed ? browser.FindElement(By.Id("signin")) : null);
            Assert.Null(browser.ExecuteScript("return sessionStorage.getItem('investment-api-token');"));
        }
        catch
        {
            Save("dashboard-failure.png");
            throw;
        }
    }

    /// <summary>Waits for the page to have loaded a zone and a year, then checks each figure it shows against the API's JSON.</summary>
    private async Task Shows(string zone, int year, string language)
    {
        var state = Wait(() => browser!.FindElement(By.TagName("body")).GetAttribute("data-state") is "ready" or "failed"
            ? browser.FindElement(By.TagName("body")).GetAttribute("data-state") : null);
        Assert.True(state == "ready", $"The page failed: {browser!.FindElement(By.Id("message")).Text}");
        Assert.Equal(language, browser.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal(zone, new SelectElement(browser.FindElement(By.Id("zone"))).SelectedOption.GetAttribute("value"));

        var progress = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/zones/{zone}/progress/{year}"))!;
        foreach (var figure in browser.FindElements(By.CssSelector("#figures dd")))
        {
            var field = figure.GetAttribute("data-field") ?? "";
            var expected = field.Split('.').Aggregate((JsonNode?)progress, (node, key) => node?[key])?.GetValue<string>();
            Assert.Equal(expected ?? "", figure.GetAttribute("data-value"));
            Assert.Equal(expected is null ? null : decimal.Parse(expected, CultureInfo.InvariantCulture), Shown(figure.Text, language));
        }
        Assert.Equal((string)progress["status"]!["position"]!, browser.FindElement(By.Id("status")).GetAttribute("data-position"));
        Assert.Contains(Texts.Get(language, $"position.{(string)progress["status"]!["position"]!}"), browser.FindElement(By.Id("status")).Text, StringComparison.Ordinal);

        var pipeline = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/zones/{zone}/pipeline?openedFrom={year}-01-01&openedTo={year}-12-31"))!;
        foreach (var stage in pipeline["stages"]!.AsArray())
        {
            var row = browser.FindElement(By.CssSelector($"#pipeline tr[data-stage={(string)stage!["stage"]!}]"));
            Assert.Equal((int)stage["reached"]!, int.Parse(row.FindElement(By.CssSelector("[data-field=reached]")).Text, CultureInfo.InvariantCulture));
            Assert.Equal((int)stage["current"]!, int.Parse(row.FindElement(By.CssSelector("[data-field=current]")).Text, CultureInfo.InvariantCulture));
            Assert.Equal(decimal.Parse((string)stage["estimatedCapitalUsd"]!, CultureInfo.InvariantCulture),
                Shown(row.FindElement(By.CssSelector("[data-field=estimatedCapitalUsd]")).Text, language));
        }

        var watchlist = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/certificates/watchlist?zone={zone}"))!;
        Assert.Equal(watchlist["entries"]!.AsArray().Select(e => (string)e!["number"]!),
            browser.FindElements(By.CssSelector("#watchlist tr[data-certificate]")).Select(r => r.GetAttribute("data-certificate")));
        var certificates = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/certificates?zone={zone}&issueYear={year}&limit=5"))!;
        var rows = browser.FindElements(By.CssSelector("#certificates tr[data-certificate]"));
        Assert.Equal(certificates["items"]!.AsArray().Select(c => ((string)c!["number"]!, decimal.Parse((string)c["capitalUsd"]!, CultureInfo.InvariantCulture))),
            rows.Select(r => (r.GetAttribute("data-certificate") ?? "", Shown(r.FindElement(By.CssSelector("[data-field=capitalUsd]")).Text, language)!.Value)));

        foreach (var chart in new[] { "progress-chart", "pipeline-chart" })
            Assert.True(Convert.ToInt64(browser.ExecuteScript($"return document.getElementById('{chart}').naturalWidth;"), CultureInfo.InvariantCulture) > 0,
                $"The {chart} did not load.");
    }

    /// <summary>An amount as the page writes it: 68,000,000.00 in English, 68.000.000,00 in Vietnamese; — for none.</summary>
    private static decimal? Shown(string text, string language) =>
        text == "—" ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.GetCultureInfo(language == "vi" ? "vi-VN" : "en-GB"));

    private T Wait<T>(Func<T?> until) where T : class =>
        new WebDriverWait(browser!, TimeSpan.FromSeconds(30)) { PollingInterval = TimeSpan.FromMilliseconds(100) }
            .Until(_ =>
            {
                try { return until(); }
                catch (StaleElementReferenceException) { return null; }
                catch (NoSuchElementException) { return null; }
            })!;

    /// <param name="fit">Make the window as tall as the page first, so the picture holds all of it and nothing below.</param>
    private void Save(string name, bool fit = false)
    {
        if (browser is null) return;
        if (fit)
        {
            // A headless window is no taller than its screen: the page's metrics are set through the DevTools protocol instead.
            var height = Convert.ToInt64(browser.ExecuteScript("return Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + window.scrollY);"), CultureInfo.InvariantCulture);
            var width = Convert.ToInt64(browser.ExecuteScript("return window.innerWidth;"), CultureInfo.InvariantCulture);
            browser.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride",
                new Dictionary<string, object?> { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        }
        var path = Path.Combine(Artifacts, name);
        browser.GetScreenshot().SaveAsFile(path);
        if (fit) browser.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);
        output.WriteLine($"Screenshot: {path}");
    }
}
