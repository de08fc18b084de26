using NodaTime;

namespace Investment.Domain.Common;

/// <summary>
/// Every event says who recorded it (the token's subject) and when (from the injected clock),
/// beside the business facts it carries. The history endpoints and the "as known on" reports read these.
/// </summary>
public interface IRecordedEvent
{
    string RecordedBy { get; }
    Instant RecordedAt { get; }
}

/// <summary>Who asks for a change, and when the API received it.</summary>
public sealed record Recording(string By, Instant At);
