using System.Text.Json.Nodes;
using Alba;
using Marten;
using Marten.Events;

namespace Investment.Api.Tests.Infrastructure;

public static class Scenarios
{
    public static async Task<JsonNode> Json(this IScenarioResult result) =>
        JsonNode.Parse(await result.ReadAsTextAsync()) ?? throw new InvalidOperationException("The response has no JSON body.");

    /// <summary>The answer's body read into a typed record, with the API's own JSON settings.</summary>
    public static async Task<T> Read<T>(this IScenarioResult result) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(await result.ReadAsTextAsync(), Answers)
        ?? throw new InvalidOperationException($"The response has no {typeof(T).Name}.");

    /// <summary>The event a history entry carries, read as the domain's record (the entry's type names which).</summary>
    public static T Event<T>(this Investment.Api.EventStore.HistoryEntry entry) =>
        System.Text.Json.JsonSerializer.Deserialize<T>((System.Text.Json.JsonElement)entry.Data, Answers) ?? throw new InvalidOperationException($"The {entry.Type} entry holds no {typeof(T).Name}.");

    /// <summary>
    /// The API's settings, reading answers: a null member is left out of an answer, so it is not required here; and a
    /// record a test reads into may name fewer members than the answer holds (a problem's extensions).
    /// </summary>
    public static readonly System.Text.Json.JsonSerializerOptions Answers = new(Investment.Api.Http.Json.Options)
    {
        RespectRequiredConstructorParameters = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Asserts an RFC 9457 answer (status, media type, stable code) and reads it.</summary>
    public static async Task<Problem> ShouldBe(this IScenarioResult result, int status, string code)
    {
        Assert.Equal(status, result.Context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var problem = await result.Read<Problem>();
        Assert.Equal((status, code), (problem.Status, problem.Code));
        return problem;
    }

    public static string? Header(this IScenarioResult result, string name) =>
        result.Context.Response.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    public static async Task<IScenarioResult> Post(this IAlbaHost host, string token, string url, object body, string? ifMatch = null, string? key = null) =>
        await host.Send(token, s =>
        {
            s.Post.Json(body).ToUrl(url);
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            if (key is not null) s.WithRequestHeader("Idempotency-Key", key);
        });

    public static async Task<JsonNode> Get(this IAlbaHost host, string token, string url) => await (await host.Send(token, s => s.Get.Url(url))).Json();

    /// <summary>GET that must answer 200, read into a typed record.</summary>
    public static async Task<T> Get<T>(this IAlbaHost host, string token, string url)
    {
        var result = await host.Send(token, s => s.Get.Url(url));
        Assert.Equal(200, result.Context.Response.StatusCode);
        return await result.Read<T>();
    }

    public static async Task<IScenarioResult> Put(this IAlbaHost host, string token, string url, object body, string? ifMatch = null, string? key = null) =>
        await host.Send(token, s =>
        {
            s.Put.Json(body).ToUrl(url);
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            if (key is not null) s.WithRequestHeader("Idempotency-Key", key);
        });

    /// <summary>The one way tests wait for the asynchronous projections (pipeline, ledger, lead activity) to catch up.</summary>
    public static Task Settled(this IAlbaHost host) => host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    /// <summary>The stream version a resource's ETag carries ("3", or W/"3.20140705" where the day counts too).</summary>
    public static async Task<long> VersionOf(this IAlbaHost host, string token, string url)
    {
        var etag = (await host.Send(token, s => s.Get.Url(url))).Header("ETag") ?? throw new InvalidOperationException($"{url} answered no ETag.");
        return long.Parse(etag.Replace("W/", "", StringComparison.Ordinal).Trim('"').Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sends a request and accepts any status: the test asserts it.</summary>
    public static Task<IScenarioResult> Send(this IAlbaHost host, string? token, Action<Scenario> configure) =>
        host.Scenario(s =>
        {
            if (token is not null) s.WithBearerToken(token);
            configure(s);
            s.IgnoreStatusCode();
        });
}

/// <summary>An RFC 9457 answer as this API writes it.</summary>
public sealed record Problem(
    int Status, string Code, string Title, string? Detail, string? Type, string? Instance, string? TraceId,
    IReadOnlyDictionary<string, string[]>? Errors = null, long? CurrentVersion = null,
    Guid? ExistingInvestorId = null, string? ExistingInvestor = null, Guid? ExistingCertificateId = null, string? ExistingCertificate = null);

public static class RawRequests
{
    /// <summary>Sends exactly these bytes with this content type: for bodies a typed client could never produce.</summary>
    public static Task<IScenarioResult> SendRaw(this IAlbaHost host, string? token, string method, string url, byte[] body,
        string? contentType = "application/json", Action<Scenario>? more = null) =>
        host.Send(token, s =>
        {
            switch (method)
            {
                case "POST": s.Post.Url(url); break;
                case "PUT": s.Put.Url(url); break;
                case "PATCH": s.Patch.Url(url); break;
                default: throw new ArgumentOutOfRangeException(nameof(method), method, null);
            }
            s.ConfigureHttpContext(c =>
            {
                c.Request.Body = new MemoryStream(body);
                c.Request.ContentLength = body.Length;
                if (contentType is not null) c.Request.ContentType = contentType;
            });
            more?.Invoke(s);
        });

    public static Task<IScenarioResult> SendRaw(this IAlbaHost host, string? token, string method, string url, string body,
        string? contentType = "application/json", Action<Scenario>? more = null) =>
        host.SendRaw(token, method, url, System.Text.Encoding.UTF8.GetBytes(body), contentType, more);
}
