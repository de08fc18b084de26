namespace Investment.Domain.Common;

/// <summary>A business rule refused a command. <see cref="Code"/> is stable and machine-readable.</summary>
public sealed record Refusal(string Code, string Detail);

/// <summary>The outcome of a decision: the events to append, or the refusal.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
{
    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Refuse(string code, string detail) => new([], new Refusal(code, detail));
    public static readonly Decision Nothing = new([], null);
}
