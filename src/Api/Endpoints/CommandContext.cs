using Investment.Domain.Common;

namespace Investment.Api.Endpoints;

/// <summary>
/// What every write handler needs beside its own request, bound once with <c>[AsParameters]</c>: the session, the clock,
/// the caller, the HTTP context and the request's cancellation.
/// </summary>
public sealed record CommandContext(IDocumentSession Session, IClock Clock, ClaimsPrincipal User, HttpContext Http, CancellationToken Cancelled)
{
    /// <summary>Who asks, and when the API received it: every event records both.</summary>
    public Recording Recording() => User.Recording(Clock);
}

/// <summary>
/// A write to an existing stream: the same as <see cref="CommandContext"/>, and the optional If-Match header that makes
/// it conditional on the version the client read (412 when stale).
/// </summary>
// The compile-time request delegate generator writes typeof(string?) for a nullable string member of an [AsParameters]
// type, which does not compile: the header is declared without nullable annotations, and optional by its default.
#nullable disable annotations
#pragma warning disable CA1068 // the cancellation token is bound from the request like the rest, not passed by callers
public sealed record StreamCommandContext(
    IDocumentSession Session, IClock Clock, ClaimsPrincipal User, HttpContext Http, CancellationToken Cancelled,
    [FromHeader(Name = "If-Match")] string IfMatch = null)
#pragma warning restore CA1068
#nullable restore annotations
{
    public Recording Recording() => User.Recording(Clock);
}
