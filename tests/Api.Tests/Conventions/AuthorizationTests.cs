using Investment.Api.Http;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Conventions;

public sealed class AuthorizationTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>
    /// Who may call what: written down here, independently of the code. A new endpoint fails
    /// <see cref="every_endpoint_has_an_explicit_rule_and_is_in_the_matrix"/> until it is added with its rule.
    /// </summary>
    public static readonly Dictionary<string, string> Matrix = new()
    {
        ["GET /api/v1/zones/"] = Policies.Reader,
        ["GET /api/v1/zones/{code}"] = Policies.Reader,
        ["GET /api/v1/labels"] = Policies.Reader,
        ["POST /api/v1/investors/"] = Policies.Officer,
        ["PUT /api/v1/investors/{id:guid}"] = Policies.Officer,
        ["GET /api/v1/investors/{id:guid}"] = Policies.Reader,
        ["GET /api/v1/investors/"] = Policies.Reader,
        ["GET /api/v1/investors/{id:guid}/history"] = Policies.Officer,
        ["POST /api/v1/leads/"] = Policies.Officer,
        ["GET /api/v1/leads/"] = Policies.Officer,
        ["GET /api/v1/leads/follow-ups"] = Policies.Officer,
        ["GET /api/v1/leads/{id:guid}"] = Policies.Officer,
        ["GET /api/v1/leads/{id:guid}/history"] = Policies.Officer,
        ["POST /api/v1/leads/{id:guid}/stage"] = Policies.Officer,
        ["POST /api/v1/leads/{id:guid}/lose"] = Policies.Officer,
        ["POST /api/v1/leads/{id:guid}/reopen"] = Policies.Officer,
        ["POST /api/v1/leads/{id:guid}/reassign"] = Policies.Officer,
        ["POST /api/v1/leads/{id:guid}/estimate"] = Policies.Officer,
        ["POST /api/v1/leads/{id:guid}/contacts"] = Policies.Officer,
        ["GET /api/v1/leads/{id:guid}/contacts"] = Policies.Officer,
        ["GET /api/v1/leads/{id:guid}/contacts/{contactId:guid}"] = Policies.Officer,
        ["PUT /api/v1/leads/{id:guid}/contacts/{contactId:guid}"] = Policies.Officer,
        ["POST /api/v1/leads/{id:guid}/contacts/{contactId:guid}/withdraw"] = Policies.Officer,
        ["GET /api/v1/zones/{code}/pipeline"] = Policies.Reader,
        ["GET /api/v1/zones/{code}/pipeline/chart"] = Policies.Reader,
        ["POST /api/v1/certificates/"] = Policies.Officer,
        ["GET /api/v1/certificates/"] = Policies.Reader,
        ["GET /api/v1/certificates/watchlist"] = Policies.Reader,
        ["GET /api/v1/certificates/{id:guid}"] = Policies.Reader,
        ["GET /api/v1/certificates/{id:guid}/history"] = Policies.Officer,
        ["POST /api/v1/certificates/{id:guid}/amendments"] = Policies.Officer,
        ["POST /api/v1/certificates/{id:guid}/inspections"] = Policies.Officer,
        ["POST /api/v1/certificates/{id:guid}/suspend"] = Policies.Officer,
        ["POST /api/v1/certificates/{id:guid}/resume"] = Policies.Officer,
        ["POST /api/v1/certificates/{id:guid}/revoke"] = Policies.Officer,
        ["PUT /api/v1/zones/{code}/targets/{year:int}"] = Policies.Admin,
        ["GET /api/v1/zones/{code}/targets/{year:int}"] = Policies.Reader,
        ["GET /api/v1/zones/{code}/stage-probabilities"] = Policies.Reader,
        ["PUT /api/v1/zones/{code}/stage-probabilities"] = Policies.Admin,
        ["GET /api/v1/zones/{code}/service-standard"] = Policies.Reader,
        ["PUT /api/v1/zones/{code}/service-standard"] = Policies.Admin,
        ["GET /api/v1/zones/{code}/progress/{year:int}"] = Policies.Reader,
        ["GET /api/v1/zones/{code}/progress/{year:int}/explanation"] = Policies.Reader,
        ["GET /api/v1/zones/{code}/progress/{year:int}/chart"] = Policies.Reader,
        ["GET /api/v1/zones/{code}/reports/{year:int}/{period}"] = Policies.Reader,
        ["GET /api/v1/imports/template"] = Policies.Admin,
        ["POST /api/v1/imports/"] = Policies.Admin,
        ["GET /api/v1/imports/"] = Policies.Admin,
        ["GET /api/v1/imports/{id:guid}"] = Policies.Admin,
        ["GET /health/ping"] = "anonymous",
        // The dashboard's page, script and stylesheet hold no data: the script calls the API with the reader's token.
        ["GET /dashboard/"] = "anonymous",
        ["GET /dashboard/dashboard.js"] = "anonymous",
        ["GET /dashboard/dashboard.css"] = "anonymous",
        ["GET /problems"] = "anonymous",
        ["GET /problems/{code}"] = "anonymous",
        ["GET /health/live"] = "anonymous",
        ["HEAD /health/live"] = "anonymous",
        ["GET /health/ready"] = "anonymous",
        ["HEAD /health/ready"] = "anonymous",
    };

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Policies.Officer] = [Roles.Officer, Roles.Admin],
        [Policies.Reader] = [Roles.Officer, Roles.Partner, Roles.Admin],
        [Policies.Admin] = [Roles.Admin],
        ["anonymous"] = [Roles.Officer, Roles.Partner, Roles.Admin],
    };

    private IEnumerable<(string Key, RouteEndpoint Endpoint)> Endpoints() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => ($"{method} {e.RoutePattern.RawText}", e)));

    [Fact]
    public void every_endpoint_has_an_explicit_rule_and_is_in_the_matrix()
    {
        foreach (var (key, endpoint) in Endpoints())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(anonymous || policies.Count > 0, $"{key} has no authorization rule");
            Assert.True(Matrix.TryGetValue(key, out var expected), $"{key} is not in the authorization matrix");
            Assert.Equal(expected, anonymous ? "anonymous" : Assert.Single(policies));
        }
        Assert.Equal(Matrix.Keys.Order(), Endpoints().Select(e => e.Key).Order());
    }

    public static TheoryData<string, string?> Calls()
    {
        var data = new TheoryData<string, string?>();
        foreach (var key in Matrix.Keys)
            foreach (var role in new[] { null, Roles.Officer, Roles.Partner, Roles.Admin })
                data.Add(key, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task each_role_gets_401_403_or_through_as_the_matrix_says(string endpoint, string? role)
    {
        var method = endpoint.Split(' ')[0];
        var url = endpoint.Split(' ')[1].Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{contactId:guid}", Guid.NewGuid().ToString()).Replace("{code}", "dung-quat").Replace("{year:int}", "2014").Replace("{period}", "year");
        var token = role is null ? null : TestTokens.For(role);

        var result = method switch
        {
            "GET" => await Host.Send(token, s => s.Get.Url(url)),
            "HEAD" => await Host.Send(token, s => s.Head.Url(url)),
            "PUT" when url.Contains("/targets/", StringComparison.Ordinal) => await Host.SendRaw(token, method, url.Replace("2014", "2099"), "{}"),
            _ => await Host.SendRaw(token, method, url, "{}"),
        };

        var status = result.Context.Response.StatusCode;
        var policy = Matrix[endpoint];
        Assert.True(status < 500, $"{role} on {endpoint} got {status}");
        if (policy == "anonymous") Assert.NotEqual(401, status);
        else if (role is null) Assert.Equal(401, status);
        else if (Allowed[policy].Contains(role)) Assert.True(status is not (401 or 403) and < 500, $"{role} on {endpoint} got {status}");
        else Assert.Equal(403, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task a_token_without_a_subject_answers_401_and_writes_nothing(string? subject)
    {
        var token = TestTokens.For(Roles.Officer, subject);
        var body = InvestorRequests.Profile(Unique("No subject"));

        var read = await Host.Send(token, s => s.Get.Url("/api/v1/zones"));
        var write = await Host.Post(token, "/api/v1/investors", body);

        await read.ShouldBe(401, "auth.unauthenticated");
        await write.ShouldBe(401, "auth.unauthenticated");
    }

    [Fact]
    public async Task a_token_with_no_role_is_forbidden()
    {
        var result = await Host.Send(TestTokens.For(role: null), s => s.Get.Url("/api/v1/zones"));
        await result.ShouldBe(403, "auth.forbidden");
    }

    public static TheoryData<string> BadTokens() => new()
    {
        TestTokens.For(Roles.Admin, key: Convert.ToBase64String(new byte[32])),
        TestTokens.For(Roles.Admin, issuer: "someone-else"),
        TestTokens.For(Roles.Admin, audience: "another-api"),
        TestTokens.For(Roles.Admin, expires: DateTime.UtcNow.AddMinutes(-10)),
        "not.a.jwt",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task a_token_with_a_wrong_signature_issuer_audience_or_expiry_answers_401(string token)
    {
        var result = await Host.Send(token, s => s.Get.Url("/api/v1/zones"));
        await result.ShouldBe(401, "auth.unauthenticated");
    }
}
