using NodaTime;

namespace Investment.Domain.Common;

/// <summary>
/// A client on a bad network retries a request with the same Idempotency-Key. What was done the first time decides
/// what is done now: the first answer again, or a refusal when the key comes back with another request.
/// </summary>
public static class Idempotency
{
    public enum Outcome
    {
        /// <summary>First time: do it and remember the key.</summary>
        Execute,
        /// <summary>A retry of the same request: answer what was answered, do nothing again.</summary>
        Replay,
        /// <summary>The key was used for a different request: refuse (422).</summary>
        KeyReused,
    }

    /// <param name="rememberedRequestHash">The hash of the request first sent with this key, or null when the key is new.</param>
    /// <param name="requestHash">The hash of the request now.</param>
    public static Outcome Decide(string? rememberedRequestHash, string requestHash) => rememberedRequestHash switch
    {
        null => Outcome.Execute,
        _ when rememberedRequestHash == requestHash => Outcome.Replay,
        _ => Outcome.KeyReused,
    };

    /// <summary>No request runs this long here: a key still without an answer after it was not answered at all.</summary>
    public static readonly Duration AnswerWaitLimit = Duration.FromMinutes(1);

    public enum Unanswered
    {
        /// <summary>The first request is still running: retry in a moment (409).</summary>
        InProgress,
        /// <summary>
        /// The first request's write was saved (the key is saved with it), but its answer was not kept: the save that
        /// keeps it failed or the process stopped. Retrying cannot help: the client should read what was recorded.
        /// </summary>
        AnswerLost,
    }

    /// <summary>What a retry is told when the key it carries has no answer yet.</summary>
    public static Unanswered WhenUnanswered(Instant keyRecordedAt, Instant now) =>
        now - keyRecordedAt > AnswerWaitLimit ? Unanswered.AnswerLost : Unanswered.InProgress;
}
