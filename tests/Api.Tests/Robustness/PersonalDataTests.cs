using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Alba;
using Investment.Api.Http;
using Investment.Api.Leads;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;
using Investment.Domain.Certificates;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Investment.Api.Tests.Robustness;

/// <summary>
/// Partners never receive personal data, in any answer, history and CSV included; logs never hold tokens or personal
/// data. Checked by planting recognisable personal data and reading every documented GET back as a partner.
/// </summary>
public sealed class PersonalDataTests
{
    private static readonly string[] Planted = ["Marker Person", "marker@example.com", "+84 111 222 333", "Marker Guest", "officer.marker", "inspector.marker", "admin.marker"];

    [Fact]
    public async Task partners_never_receive_personal_data_and_logs_hold_neither_tokens_nor_personal_data()
    {
        var logs = new CapturedLogs();
        var settings = TestTokens.Configuration;
        settings["ConnectionStrings:Marten"] = TestDatabase.Create("personal");
        settings["RateLimiting:PermitsPerMinute"] = "1000000";
        await using var host = await AlbaHost.For<Program>(b =>
        {
            b.UseEnvironment("Testing");
            b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
        }, ConfigurationOverride.Create(settings));
        var officer = TestTokens.For(Roles.Officer, "officer.marker");
        var admin = TestTokens.For(Roles.Admin, "admin.marker");
        var partner = TestTokens.For(Roles.Partner, "partner.reader");
        var ids = await Plant(host, officer, admin);
        await host.Settled();

        // The OpenAPI document is walked as JSON on purpose: every documented GET, whatever its answer type.
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "openapi", "investment-api.v1.json")))!;
        var read = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (operations!["get"] is null || !path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            var url = path.Replace("{code}", "dung-quat").Replace("{year}", "2014").Replace("{period}", "year")
                .Replace("{contactId}", ids["contacts"]).Replace("{id}", ids.GetValueOrDefault(path.Split('/')[3], ""));
            foreach (var accept in new[] { "application/json", "text/csv" })
            {
                var result = await host.Send(partner, s => { s.Get.Url(url); s.WithRequestHeader("Accept", accept); });
                var status = result.Context.Response.StatusCode;
                Assert.True(status is 200 or 403, $"GET {url} answered {status}");
                var body = await result.ReadAsTextAsync();
                foreach (var marker in Planted) Assert.False(body.Contains(marker, StringComparison.Ordinal), $"GET {url} ({accept}) shows '{marker}' to a partner");
                if (status == 200) read++;
            }
        }
        Assert.True(read >= 15, $"partners read only {read} answers");

        var logged = string.Join("\n", logs.Lines);
        Assert.NotEmpty(logs.Lines);
        foreach (var token in new[] { officer, admin, partner })
        {
            Assert.DoesNotContain(token, logged, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[2], logged, StringComparison.Ordinal); // not even the signature
        }
        foreach (var marker in Planted.Take(4)) Assert.DoesNotContain(marker, logged, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> Plant(IAlbaHost host, string officer, string admin)
    {
        var registered = await host.Post(officer, "/api/v1/investors", new
        {
            legalName = "Personal Data Holdings", country = "KR", sectors = new[] { "energy" },
            contactPersons = new[] { new { name = "Marker Person", email = "marker@example.com", phone = "+84 111 222 333" } },
        });
        Assert.Equal(201, registered.Context.Response.StatusCode);
        var investor = await registered.Read<Investor>();
        var opened = await host.Post(officer, "/api/v1/leads", LeadRequests.Lead(investor.Id.ToString(), openedOn: "2014-02-01"));
        Assert.Equal(201, opened.Context.Response.StatusCode);
        var lead = await opened.Read<Lead>();
        var logged = await host.Post(officer, $"/api/v1/leads/{lead.Id}/contacts", new
        {
            channel = "meeting", summary = "Met.", occurredAtLocal = "2014-02-02T09:00:00", officers = new[] { "officer.marker" }, investorPeople = new[] { "Marker Guest" },
        });
        Assert.Equal(201, logged.Context.Response.StatusCode);
        var contact = await logged.Read<LoggedContact>();
        var issued = await host.Post(officer, "/api/v1/certificates", Certificates.CertificateRequests.Certificate(investor.Id.ToString(),
            issuedOn: "2014-03-01", schedule: [], leadId: lead.Id.ToString()));
        Assert.True(issued.Context.Response.StatusCode == 201, await issued.ReadAsTextAsync());
        var certificate = await issued.Read<Certificate>();
        var inspected = await host.Post(officer, $"/api/v1/certificates/{certificate.Id}/inspections", new
        {
            on = "2014-04-01", inspector = "inspector.marker", progress = "stalled", disbursedSoFar = LeadRequests.Usd(1m), findings = "Idle site.",
        });
        Assert.Equal(200, inspected.Context.Response.StatusCode);
        var target = await host.Put(admin, "/api/v1/zones/dung-quat/targets/2014", new { minimumUsd = "1", maximumUsd = "2", decision = "1/QĐ", decidedOn = "2014-01-08" });
        Assert.Equal(201, target.Context.Response.StatusCode);
        await host.Send("not-a-valid-token", s => s.Get.Url("/api/v1/zones"));
        return new()
        {
            ["investors"] = investor.Id.ToString(),
            ["leads"] = lead.Id.ToString(),
            ["contacts"] = contact.Id.ToString(),
            ["certificates"] = certificate.Id.ToString(),
        };
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) logs.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
