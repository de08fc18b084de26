// "Imports" is a keyword of Visual Basic only; the feature is named as the issue and the other features are.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Investment.Api.Imports")]

namespace Investment.Api.Imports;

public static class ImportsConfiguration
{
    public static void AddImports(this StoreOptions options) =>
        // Import records are documents (runs, not facts of the register), listed newest first.
        options.Schema.For<ImportRecord>().Index(x => x.StartedAt);

    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection("Imports"));
        services.AddScoped<ImportRunner>();
        services.AddSingleton<BackgroundImports>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundImports>());
        return services;
    }
}
