using System.Net;
using System.Net.Sockets;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Investment.Api.Tests.Infrastructure;
using NodaTime;

namespace Investment.Api.Tests.Dashboard;

/// <summary>
/// The API on Kestrel at 127.0.0.1 and a free port, for a browser (Alba's test server answers only in-process), with
/// the demo data of the 2014 plan, a fresh database and a fixed clock.
/// </summary>
public sealed class LiveHost(string connectionString, IClock clock) : WebApplicationFactory<Program>
{
    public int Port { get; } = FreePort();
    public Uri Address => new($"http://127.0.0.1:{Port}");

    public async Task<LiveHost> Start()
    {
        UseKestrel(Port);
        StartServer();
        await Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return this;
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = TestTokens.Configuration;
        settings["ConnectionStrings:Marten"] = connectionString;
        settings["Seed:DemoData"] = "true";
        settings["EventStore:AsyncDaemon"] = "Solo";
        settings["RateLimiting:PermitsPerMinute"] = "1000000";
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton(clock);
        });
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
