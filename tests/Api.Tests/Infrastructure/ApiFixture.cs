using Alba;
using Microsoft.AspNetCore.Hosting;
using Investment.Api.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace Investment.Api.Tests.Infrastructure;

/// <summary>The API as it runs, over a fresh PostgreSQL database, with a clock the tests move.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    /// <summary>2014-07-05 10:00 in Vietnam: the plan's year, just after the first half closed.</summary>
    public static readonly Instant Start = Instant.FromUtc(2014, 7, 5, 3, 0);

    public FakeClock Clock { get; } = new(Start);
    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await StartHost(TestDatabase.Create("api"), Clock);

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();

    public static Task<IAlbaHost> StartHost(string connectionString, IClock clock, bool demoData = false, bool asyncDaemon = true,
        IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = TestTokens.Configuration;
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        settings["ConnectionStrings:Marten"] = connectionString;
        settings["Seed:DemoData"] = demoData ? "true" : "false";
        settings["EventStore:AsyncDaemon"] = asyncDaemon ? "Solo" : "Disabled";
        settings["RateLimiting:PermitsPerMinute"] = "1000000"; // the tests of rate limiting start a host of their own
        return AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IClock>();
                services.AddSingleton(clock);
            });
        }, ConfigurationOverride.Create(settings));
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>Base of the API tests: the shared host and helpers to call it as each role.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFixture fixture)
{
    protected IAlbaHost Host => fixture.Host;
    protected FakeClock Clock => fixture.Clock;

    protected static readonly string Officer = TestTokens.For(Roles.Officer, "officer.nguyen");
    protected static readonly string Partner = TestTokens.For(Roles.Partner, "partner.dpi");
    protected static readonly string Admin = TestTokens.For(Roles.Admin, "admin.tran");

    /// <summary>A name no other test uses, so tests sharing one database never collide.</summary>
    protected static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";
}
