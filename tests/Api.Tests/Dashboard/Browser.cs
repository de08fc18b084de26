using OpenQA.Selenium.Chrome;

namespace Investment.Api.Tests.Dashboard;

/// <summary>
/// Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them), found at
/// their paths, never downloaded: Selenium Manager is not asked for either, as both paths are given.
/// INVESTMENT_TEST_CHROMIUM and INVESTMENT_TEST_CHROMEDRIVER name others.
/// </summary>
public static class Browser
{
    public static string Chromium => Environment.GetEnvironmentVariable("INVESTMENT_TEST_CHROMIUM") ?? "/usr/bin/chromium";
    public static string Driver => Environment.GetEnvironmentVariable("INVESTMENT_TEST_CHROMEDRIVER") ?? "/usr/bin/chromedriver";

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing() =>
        !File.Exists(Chromium) ? $"Chromium is not installed ({Chromium}): apt-get install chromium chromium-driver, or set INVESTMENT_TEST_CHROMIUM."
        : !File.Exists(Driver) ? $"chromedriver is not installed ({Driver}): apt-get install chromium-driver, or set INVESTMENT_TEST_CHROMEDRIVER."
        : null;

    public static ChromeDriver Start(string language, string profile)
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // Headless as root on a machine with a closed network: no sandbox, no GPU, none of Chromium's own connections.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-extensions", "--window-size=1280,2200", $"--user-data-dir={profile}", $"--lang={language}");
        options.AddUserProfilePreference("intl.accept_languages", language);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}

/// <summary>A test that needs the browser: skipped, saying what is missing, where Chromium or its driver is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Missing() is { } why) Skip = why;
    }
}
