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
    /// <summary>The token's subject: who recorded an event. Every authenticated caller has one (<see cref="Tokens"/>).</summary>
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") is { Length: > 0 } subject && !string.IsNullOrWhiteSpace(subject) ? subject
        : throw new InvalidOperationException("An authenticated caller without a subject: the token validation should have refused it.");

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
        // The subject records who did what, and keys the caller's idempotency keys and request budget: a token without
        // one (or with a blank one) would share all three with every other such token. It is refused (401).
        options.Events ??= new JwtBearerEvents();
        var validated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (string.IsNullOrWhiteSpace(context.Principal?.FindFirstValue("sub")))
                context.Fail("The token names no subject (sub).");
        };
    }
}
