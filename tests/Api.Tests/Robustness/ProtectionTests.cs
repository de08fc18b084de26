using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using System.IO.Compression;
using Alba;
using Investment.Api.Http;
using Investment.Api.Leads;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Investment.Domain.Certificates;
using NodaTime;

namespace Investment.Api.Tests.Robustness;

public sealed class ProtectionTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("/api/v1/zones")]
    [InlineData("/api/v1/nowhere")]
    [InlineData("/health/live")]
    public async Task every_response_carries_the_security_headers(string url)
    {
        var result = await Host.Send(Officer, s => s.Get.Url(url));
        Assert.Equal("nosniff", result.Header("X-Content-Type-Options"));
        Assert.Equal("DENY", result.Header("X-Frame-Options"));
        Assert.Equal("no-referrer", result.Header("Referrer-Policy"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", result.Header("Content-Security-Policy"));
    }

    [Fact]
    public async Task cors_is_off_unless_an_origin_is_allowed()
    {
        var result = await Host.Send(null, s =>
        {
            s.Get.Url("/api/v1/zones");
            s.ConfigureHttpContext(c => c.Request.Method = "OPTIONS");
            s.WithRequestHeader("Origin", "https://evil.example");
            s.WithRequestHeader("Access-Control-Request-Method", "GET");
        });
        Assert.Null(result.Header("Access-Control-Allow-Origin"));

        await using var host = await Start(new() { ["Cors:AllowedOrigins:0"] = "https://partner.example" });
        var allowed = await host.Send(null, s =>
        {
            s.Get.Url("/api/v1/zones");
            s.ConfigureHttpContext(c => c.Request.Method = "OPTIONS");
            s.WithRequestHeader("Origin", "https://partner.example");
            s.WithRequestHeader("Access-Control-Request-Method", "GET");
        });
        var refused = await host.Send(null, s =>
        {
            s.Get.Url("/api/v1/zones");
            s.ConfigureHttpContext(c => c.Request.Method = "OPTIONS");
            s.WithRequestHeader("Origin", "https://evil.example");
            s.WithRequestHeader("Access-Control-Request-Method", "GET");
        });
        Assert.Equal("https://partner.example", allowed.Header("Access-Control-Allow-Origin"));
        Assert.Null(refused.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task answers_are_compressed_when_the_client_accepts_it()
    {
        var result = await Host.Send(Partner, s =>
        {
            s.Get.Url("/api/v1/certificates?limit=200");
            s.WithRequestHeader("Accept-Encoding", "gzip");
        });
        Assert.Equal("gzip", result.Header("Content-Encoding"));
        await using var gzip = new GZipStream(result.Context.Response.Body, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.StartsWith("{\"items\":", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task reads_answer_304_to_if_none_match_with_the_current_etag()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var url = $"/api/v1/certificates/{certificate.Id}";
        var first = await Host.Send(Partner, s => s.Get.Url(url));
        var list = await Host.Send(Partner, s => s.Get.Url("/api/v1/zones"));

        var same = await Host.Send(Partner, s => { s.Get.Url(url); s.WithRequestHeader("If-None-Match", first.Header("ETag")!); });
        var sameList = await Host.Send(Partner, s => { s.Get.Url("/api/v1/zones"); s.WithRequestHeader("If-None-Match", list.Header("ETag")!); });
        await Host.Post(Officer, $"{url}/amendments", new { on = "2014-01-01", objectives = "More.", reason = "x" });
        var changed = await Host.Send(Partner, s => { s.Get.Url(url); s.WithRequestHeader("If-None-Match", first.Header("ETag")!); });

        Assert.Equal(304, same.Context.Response.StatusCode);
        Assert.Equal(304, sameList.Context.Response.StatusCode);
        Assert.StartsWith("W/\"", list.Header("ETag"));
        Assert.Equal(200, changed.Context.Response.StatusCode);
        Assert.Equal("\"2\"", changed.Header("ETag"));
    }

    [Fact]
    public async Task every_action_accepts_an_idempotency_key_and_a_retry_writes_nothing_twice()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var url = $"/api/v1/certificates/{certificate.Id}/amendments";
        var key = Guid.NewGuid().ToString();
        var amendment = new { on = "2014-01-01", capitalChange = LeadRequests.Usd(10m), reason = "Retried from a phone." };

        var first = await Host.Post(Officer, url, amendment, key: key);
        var retry = await Host.Post(Officer, url, amendment, key: key);
        var other = await Host.Post(Officer, url, new { on = "2014-01-02", objectives = "x", reason = "y" }, key: key);

        Assert.Equal(200, retry.Context.Response.StatusCode);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(first.Header("ETag"), retry.Header("ETag"));
        Assert.Equal((await first.ReadAsTextAsync()), await retry.ReadAsTextAsync());
        await other.ShouldBe(422, "idempotency.key_reused");
        Assert.Single((await Host.Get<Certificate>(Officer, $"/api/v1/certificates/{certificate.Id}")).Amendments);
    }

    [Fact]
    public async Task a_key_of_a_refused_request_stays_unused()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var key = Guid.NewGuid().ToString();
        var refused = await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/resume", new { on = "2014-01-01" }, key: key);
        var suspended = await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/suspend", new { on = "2014-01-01", reason = "x" }, key: key);

        await refused.ShouldBe(409, "certificate.not_suspended");
        Assert.Equal(200, suspended.Context.Response.StatusCode);
    }

    [Fact]
    public async Task a_retry_whose_first_answer_was_not_kept_is_told_in_progress_then_not_to_send_it_again()
    {
        var certificate = await Host.AnIssuedCertificate(Officer);
        var url = $"/api/v1/certificates/{certificate.Id}/inspections";
        var key = Guid.NewGuid().ToString();
        var inspection = new { on = "2014-05-01", inspector = "officer.tran", progress = "onSchedule", disbursedSoFar = LeadRequests.Usd(5m), findings = "Fine." };
        Assert.Equal(200, (await Host.Post(Officer, url, inspection, key: key)).Context.Response.StatusCode);
        // As if the save that keeps the answer had failed after the write committed (or the process had stopped).
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        async Task Unanswered(Duration ago)
        {
            await using var session = store.LightweightSession();
            var id = IdempotencyKeys.RecordId("officer.nguyen", "POST", $"/api/v1/certificates/{{id:guid}}/inspections id={certificate.Id}", key);
            var record = (await session.LoadAsync<IdempotencyRecord>(id))!;
            session.Store(record with { Status = null, Location = null, ETag = null, Body = null, RecordedAt = Clock.GetCurrentInstant().Minus(ago) });
            await session.SaveChangesAsync();
        }

        await Unanswered(Duration.FromSeconds(5));
        await (await Host.Post(Officer, url, inspection, key: key)).ShouldBe(409, "idempotency.in_progress");
        await Unanswered(Duration.FromMinutes(5));
        var lost = await (await Host.Post(Officer, url, inspection, key: key)).ShouldBe(409, "idempotency.answer_lost");

        Assert.Contains("Do not send it again", lost.Detail);
        Assert.Single((await Host.Get<Certificate>(Officer, $"/api/v1/certificates/{certificate.Id}")).Inspections);
    }

    [Fact]
    public async Task a_retry_to_a_differently_spelled_url_replays_instead_of_writing_again()
    {
        var lead = await Host.ALead(Officer);
        var id = lead.Id.ToString();
        var key = Guid.NewGuid().ToString();
        var contact = LeadRequests.Contact("Retried from a phone on a bad network.");

        var first = await Host.Post(Officer, $"/api/v1/leads/{id}/contacts", contact, key: key);
        var retries = new List<Alba.IScenarioResult>();
        foreach (var url in new[] { $"/api/v1/leads/{id}/contacts/", $"/api/v1/leads/{id.ToUpperInvariant()}/contacts", $"/API/V1/LEADS/{id}/CONTACTS" })
            retries.Add(await Host.Post(Officer, url, contact, key: key));

        Assert.Equal(201, first.Context.Response.StatusCode);
        Assert.All(retries, retry => Assert.Equal("true", retry.Header("Idempotent-Replayed")));
        Assert.Single((await Host.Get<Page<LoggedContact>>(Officer, $"/api/v1/leads/{id}/contacts")).Items);
    }

    /// <summary>
    /// Logging a contact and issuing a certificate read the key's record with their own first read (issue 18): a retry
    /// still replays before anything is decided, even when the retried request would now be refused (a stale If-Match),
    /// and another request under the key still answers 422, however it would have been answered.
    /// </summary>
    [Fact]
    public async Task a_contact_logged_with_a_key_replays_before_anything_is_decided_and_its_key_is_not_reused()
    {
        var lead = await Host.ALead(Officer);
        var url = $"/api/v1/leads/{lead.Id}/contacts";
        var key = Guid.NewGuid().ToString();
        var contact = LeadRequests.Contact("Logged from a phone on a bad network.");
        var version = await Host.VersionOf(Officer, $"/api/v1/leads/{lead.Id}");

        var first = await Host.Post(Officer, url, contact, ifMatch: $"\"{version}\"", key: key);
        var retry = await Host.Post(Officer, url, contact, ifMatch: $"\"{version}\"", key: key); // stale now: replayed all the same
        var other = await Host.Post(Officer, url, LeadRequests.Contact("Another contact."), key: key);
        var otherStale = await Host.Post(Officer, url, LeadRequests.Contact("Another contact."), ifMatch: $"\"{version}\"", key: key);
        var fresh = await Host.Post(Officer, url, LeadRequests.Contact("Another contact."), key: Guid.NewGuid().ToString());

        await CreatedThenReplayed(first, retry);
        await other.ShouldBe(422, "idempotency.key_reused");
        await otherStale.ShouldBe(422, "idempotency.key_reused");
        Assert.Equal(201, fresh.Context.Response.StatusCode);
        Assert.Null(fresh.Header("Idempotent-Replayed"));
        Assert.Equal(2, (await Host.Get<Page<LoggedContact>>(Officer, url)).Items.Count);
    }

    /// <summary>The first request created its resource, and the retry answered it again, byte for byte, marked as a replay.</summary>
    private static async Task CreatedThenReplayed(IScenarioResult first, IScenarioResult retry)
    {
        Assert.Equal(201, first.Context.Response.StatusCode);
        Assert.Equal(201, retry.Context.Response.StatusCode);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(first.Header("ETag"), retry.Header("ETag"));
        Assert.Equal(first.Header("Location"), retry.Header("Location"));
        Assert.Equal(await first.ReadAsTextAsync(), await retry.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_certificate_issued_with_a_key_replays_and_its_key_is_not_reused()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"Keyed holder {Guid.NewGuid():N}", "KR"));
        var key = Guid.NewGuid().ToString();
        var project = $"Keyed plant {Guid.NewGuid():N}";
        var request = CertificateRequests.Certificate(investor.Id.ToString(), projectName: project);

        var first = await Host.Post(Officer, "/api/v1/certificates", request, key: key);
        var retry = await Host.Post(Officer, "/api/v1/certificates", request, key: key); // its number is taken now: replayed all the same
        var other = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString(), projectName: project), key: key);

        await CreatedThenReplayed(first, retry);
        await other.ShouldBe(422, "idempotency.key_reused");
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(1, await session.Query<Investment.Api.Certificates.CertificateDetails>().CountAsync(x => x.Certificate.ProjectName == project));
    }

    [Fact]
    public async Task the_same_key_from_another_caller_is_theirs_and_writes_for_them()
    {
        var lead = await Host.ALead(Officer);
        var key = Guid.NewGuid().ToString();
        var url = $"/api/v1/leads/{lead.Id}/contacts";

        await Host.Post(Officer, url, LeadRequests.Contact("First officer."), key: key);
        var other = await Host.Post(Admin, url, LeadRequests.Contact("Second officer."), key: key);

        Assert.Equal(201, other.Context.Response.StatusCode);
        Assert.Null(other.Header("Idempotent-Replayed"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task a_malformed_idempotency_key_answers_400(string key)
    {
        var result = await Host.Send(Officer, s =>
        {
            s.Post.Json(new { legalName = "x", country = "JP", sectors = new[] { "energy" } }).ToUrl("/api/v1/investors");
            s.WithRequestHeader("Idempotency-Key", key);
        });
        await result.ShouldBe(400, "request.invalid_idempotency_key");
    }

    [Fact]
    public async Task a_client_over_its_budget_gets_429_with_retry_after_and_other_clients_do_not()
    {
        await using var host = await Start(new() { ["RateLimiting:PermitsPerMinute"] = "5" });
        var greedy = TestTokens.For("partner", "partner.greedy");
        var results = new List<IScenarioResult>();
        for (var i = 0; i < 7; i++) results.Add(await host.Send(greedy, s => s.Get.Url("/api/v1/zones")));
        var other = await host.Send(TestTokens.For("partner", "partner.calm"), s => s.Get.Url("/api/v1/zones"));

        Assert.Equal(5, results.Count(r => r.Context.Response.StatusCode == 200));
        var limited = results.Last();
        await limited.ShouldBe(429, "request.rate_limited");
        Assert.True(int.Parse(limited.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(200, other.Context.Response.StatusCode);
    }

    [Fact]
    public async Task an_anonymous_flood_costs_neither_the_health_checks_nor_authenticated_clients_their_budget()
    {
        await using var host = await Start(new() { ["RateLimiting:PermitsPerMinute"] = "5" });
        for (var i = 0; i < 10; i++) await host.Send(null, s => s.Get.Url("/api/v1/zones"));
        var flooded = await host.Send(null, s => s.Get.Url("/api/v1/zones"));

        var health = new List<IScenarioResult>();
        for (var i = 0; i < 10; i++)
            foreach (var url in new[] { "/health/live", "/health/ready", "/health/ping" })
                health.Add(await host.Send(null, s => s.Get.Url(url)));
        var officer = await host.Send(Officer, s => s.Get.Url("/api/v1/zones"));

        await flooded.ShouldBe(429, "request.rate_limited");
        Assert.All(health, answer => Assert.Equal(200, answer.Context.Response.StatusCode));
        Assert.Equal(200, officer.Context.Response.StatusCode);
    }

    [Fact]
    public void kestrel_does_not_name_itself_in_a_server_header()
    {
        var kestrel = Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value;
        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task in_production_a_bug_answers_a_500_problem_without_internals()
    {
        var settings = TestTokens.Configuration;
        settings["ConnectionStrings:Marten"] = TestDatabase.Create("production");
        await using var host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        }, ConfigurationOverride.Create(settings));

        var result = await host.Send(Admin, s => s.Get.Url("/test/throw"));

        await result.ShouldBe(500, "server.error");
        var text = await result.ReadAsTextAsync(); // the whole problem, whatever member a leak would be in
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain("secret internal detail", text);
        Assert.DoesNotContain(" at ", text);
    }

    /// <summary>A route that fails the way a bug would, only in this test's host.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, inner) => context.Request.Path == "/test/throw"
                ? throw new InvalidOperationException("secret internal detail")
                : inner(context));
        };
    }

    private static async Task<IAlbaHost> Start(Dictionary<string, string?> extra)
    {
        var settings = TestTokens.Configuration;
        settings["ConnectionStrings:Marten"] = TestDatabase.Create("protection");
        foreach (var (k, v) in extra) settings[k] = v;
        return await AlbaHost.For<Program>(b => b.UseEnvironment("Testing"), ConfigurationOverride.Create(settings));
    }
}
