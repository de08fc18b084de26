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
}
