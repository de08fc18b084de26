using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Investment.Api.Http;

/// <summary>
/// The API speaks English and Vietnamese, chosen per request by Accept-Language (quality values honoured, vi-VN read as
/// vi); a language it does not speak falls back to the deployment's default, <c>Localization:DefaultLanguage</c> (en
/// unless configured). Only the UI culture changes: numbers, dates and codes in answers are written the same in both
/// languages (the formatting culture stays invariant), so a Vietnamese answer is not "150.000.000,00" where a client
/// parses "150000000.00". Every answer says which language it used (Content-Language) and that it depends on
/// Accept-Language (Vary), so a cache never hands a Vietnamese answer to an English client.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string Vietnamese = "vi";
    public static readonly IReadOnlyList<string> Supported = [English, Vietnamese];

    /// <summary>Whether the request being answered asked for Vietnamese (the current UI culture, set per request).</summary>
    public static bool InVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Vietnamese;

    /// <summary>The language of the answer being written: en or vi.</summary>
    public static string Current => InVietnamese ? Vietnamese : English;

    /// <summary>Picks the text of the answer's language.</summary>
    public static string Say(string english, string vietnamese) => InVietnamese ? vietnamese : english;

    public static IServiceCollection AddApiLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        var fallback = configuration["Localization:DefaultLanguage"] is { Length: > 0 } configured ? configured.Trim().ToLowerInvariant() : English;
        if (!Supported.Contains(fallback))
            throw new InvalidOperationException($"Localization:DefaultLanguage is '{fallback}': it must be one of {string.Join(", ", Supported)}.");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, new CultureInfo(fallback));
            options.SupportedCultures = [CultureInfo.InvariantCulture];
            options.SupportedUICultures = [.. Supported.Select(l => new CultureInfo(l))];
            options.FallBackToParentUICultures = true;
            // Only the header: a query value or a cookie choosing the language would be one more thing caches must key on.
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 10 }];
            options.ApplyCurrentCultureToResponseHeaders = true; // Content-Language
        });
        return services;
    }

    /// <summary>First in the pipeline, so that problems written by the exception handler and status pages are localised too.</summary>
    public static IApplicationBuilder UseApiLanguages(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers.Append("Vary", "Accept-Language");
            return next(context);
        });
        return app.UseRequestLocalization();
    }

    /// <summary>Content-Language again, for answers whose headers were cleared (the exception handler clears them).</summary>
    public static void MarkAnswer(HttpContext context)
    {
        context.Response.Headers.ContentLanguage = Current;
        if (!context.Response.Headers.Vary.Any(v => v?.Contains("Accept-Language", StringComparison.OrdinalIgnoreCase) == true))
            context.Response.Headers.Append("Vary", "Accept-Language");
    }
}
