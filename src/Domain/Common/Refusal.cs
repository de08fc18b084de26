namespace Investment.Domain.Common;

/// <summary>Why a command was refused: a broken business rule, or something it names that does not exist.</summary>
public enum RefusalKind
{
    /// <summary>The command breaks a rule given the current state (HTTP 409).</summary>
    BrokenRule,
    /// <summary>The command names something that does not exist (HTTP 404).</summary>
    NotFound,
}

/// <summary>A business rule refused a command. <see cref="Code"/> is stable and machine-readable.</summary>
public sealed record Refusal(string Code, string Detail, RefusalKind Kind = RefusalKind.BrokenRule);

/// <summary>The outcome of a decision: the events to append, or the refusal.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
{
    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Refuse(string code, string detail) => new([], new Refusal(code, detail));
    public static Decision NotFound(string code, string detail) => new([], new Refusal(code, detail, RefusalKind.NotFound));
    public static readonly Decision Nothing = new([], null);
}
