using Investment.Domain.Common;

namespace Investment.Api.Http;

/// <summary>
/// Every error is RFC 9457 problem details with a stable machine-readable <c>code</c>. Handlers build the ones that
/// carry a business meaning here; <see cref="ProblemDetailsSetup"/> gives the others (routing, binding) their code.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string code, string detail) => Make(StatusCodes.Status404NotFound, "Not found", code, detail);

    /// <summary>A refused decision: 404 when it names something that does not exist, else 409.</summary>
    public static ProblemHttpResult Refused(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => NotFound(refusal.Code, refusal.Detail),
        _ => Conflict(refusal),
    };

    public static ProblemHttpResult Conflict(Refusal refusal, IDictionary<string, object?>? extensions = null) =>
        Make(StatusCodes.Status409Conflict, "The request breaks a business rule", refusal.Code, refusal.Detail, extensions);

    public static ProblemHttpResult Stale(long currentVersion) => Make(StatusCodes.Status412PreconditionFailed, "Stale If-Match",
        "concurrency.stale", $"The resource changed since it was read: its ETag is now \"{currentVersion}\". Read it again and retry.",
        new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    public static ProblemHttpResult ConcurrentChange() => Make(StatusCodes.Status409Conflict, "Concurrent change",
        "concurrency.conflict", "Another change to this resource was saved at the same moment. Read it again and retry.");

    public static ProblemHttpResult BadRequest(string code, string detail) => Make(StatusCodes.Status400BadRequest, "Bad request", code, detail);

    public static ProblemHttpResult Unprocessable(string code, string detail) =>
        Make(StatusCodes.Status422UnprocessableEntity, "The request refers to something that cannot be used", code, detail);

    public static ProblemHttpResult Make(int status, string title, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: all);
    }
}
