using System.Text.Encodings.Web;
using System.Text.Json;
using Investment.Api.Charts;

namespace Investment.Api.Dashboard;

/// <summary>
/// GET /dashboard: one page for a zone and a year — the progress chart and its figures, the status in words, the funnel,
/// the watchlist and the latest certificates — in Vietnamese or English. Static HTML, a stylesheet and a small script
/// read from the assembly (no front-end build); the script calls the public API with a bearer token kept for the tab
/// only, as Swagger UI does. The page holds no data, so it needs no token itself.
/// </summary>
public static class DashboardApi
{
    /// <summary>Scripts, styles and data from this origin only; chart images as blob: URLs the script makes.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly string Page = Read("dashboard.html");
    private static readonly byte[] Script = System.Text.Encoding.UTF8.GetBytes(Read("dashboard.js"));
    private static readonly byte[] Styles = System.Text.Encoding.UTF8.GetBytes(Read("dashboard.css"));

    // Inside <script type="application/json">: <, > and & escaped, so no text can close the element.
    private static readonly JsonSerializerOptions Embedded = new() { Encoder = JavaScriptEncoder.Default };

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup("/dashboard").AllowAnonymous().ExcludeFromDescription();
        dashboard.MapGet("/", Show);
        dashboard.MapGet("/dashboard.js", (HttpContext http) => Static(http, Script, "text/javascript; charset=utf-8"));
        dashboard.MapGet("/dashboard.css", (HttpContext http) => Static(http, Styles, "text/css; charset=utf-8"));
        return app;
    }

    /// <param name="lang">vi or en; else the browser's language (Accept-Language).</param>
    private static ContentHttpResult Show(HttpContext http, string? lang)
    {
        var language = ChartLanguage.Choose(lang);
        var html = Page
            .Replace("{{lang}}", language, StringComparison.Ordinal)
            .Replace("{{title}}", System.Net.WebUtility.HtmlEncode(Texts.Get(language, "dash.title")), StringComparison.Ordinal)
            .Replace("{{texts}}", JsonSerializer.Serialize(Texts.All(language, "dash.", "position.", "pace.", "stage.", "rule."), Embedded), StringComparison.Ordinal);
        Secure(http);
        http.Response.Headers.ContentLanguage = language;
        http.Response.Headers.Vary = "Accept-Language";
        return TypedResults.Text(html, "text/html; charset=utf-8");
    }

    private static FileContentHttpResult Static(HttpContext http, byte[] body, string contentType)
    {
        Secure(http);
        return TypedResults.Bytes(body, contentType);
    }

    private static void Secure(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "no-cache"; // a new version of the page is picked up at once
    }

    private static string Read(string name)
    {
        using var stream = typeof(DashboardApi).Assembly.GetManifestResourceStream($"Investment.Api.Dashboard.{name}")
            ?? throw new InvalidOperationException($"The dashboard's {name} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
