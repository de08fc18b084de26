using Microsoft.AspNetCore.Authentication.JwtBearer;
using Investment.Domain.Common;

namespace Investment.Api.Http;

/// <summary>
/// The three roles of the issue: officers (the authority's staff) read and write; partners read certificates, targets,
/// reports and aggregates, never personal data; admins do everything, plus targets and reference data.
/// </summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string Partner = "partner";
    public const string Admin = "admin";
}

/// <summary>Every endpoint names one of these (a test fails when one does not).</summary>
public static class Policies
{
    /// <summary>Officers and admins: leads, contacts, investors' personal data, every write of the authority.</summary>
    public const string Officer = "officer";
    /// <summary>Anyone with a role: what partners may read (redacted of personal data where needed).</summary>
    public const string Reader = "reader";
    /// <summary>Admins only: targets and reference data.</summary>
    public const string Admin = "admin";

    public static IServiceCollection AddApiAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Officer, p => p.RequireRole(Roles.Officer, Roles.Admin))
            .AddPolicy(Reader, p => p.RequireRole(Roles.Officer, Roles.Partner, Roles.Admin))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            // An endpoint someone forgot to protect still needs a token.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}

public static class CurrentUser
{
    /// <summary>The token's subject: who recorded an event.</summary>
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    /// <summary>Officers and admins see personal data; partners do not.</summary>
    public static bool SeesPersonalData(this ClaimsPrincipal user) => user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Admin);

    public static Recording Recording(this ClaimsPrincipal user, IClock clock) => new(user.Subject(), clock.GetCurrentInstant());
}

public static class Tokens
{
    /// <summary>Claims keep their JWT names: "sub" is the user, "role" the roles (as `dotnet user-jwts` writes them).</summary>
    public static void UseStandardClaims(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "sub";
        options.TokenValidationParameters.RoleClaimType = "role";
    }
}
