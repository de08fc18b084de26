using System.Text.Json;
using Investment.Domain.Common;

namespace Investment.Api.EventStore;

/// <summary>One event of a stream as the history endpoints show it: what happened, who recorded it and when.</summary>
public sealed record HistoryEntry(long Version, string Type, string RecordedBy, Instant RecordedAt, object Data);

public static class History
{
    /// <summary>A page of a stream's events, oldest first; null when the stream does not exist.</summary>
    public static async Task<Page<HistoryEntry>?> Read(IQuerySession session, Guid streamId, int take, long afterVersion, CancellationToken ct)
    {
        var state = await session.Events.FetchStreamStateAsync(streamId, ct);
        if (state is null) return null;

        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId && e.Version > afterVersion)
            .OrderBy(e => e.Version)
            .Take(take + 1)
            .ToListAsync(ct);
        var entries = events.Take(take).Select(e => e.Data is IRecordedEvent recorded
                ? new HistoryEntry(e.Version, JsonNamingPolicy.CamelCase.ConvertName(e.EventType.Name), recorded.RecordedBy, recorded.RecordedAt, e.Data)
                : new HistoryEntry(e.Version, JsonNamingPolicy.CamelCase.ConvertName(e.EventType.Name), "unknown", Instant.FromDateTimeOffset(e.Timestamp), e.Data))
            .ToList();
        return new Page<HistoryEntry>(entries, events.Count > take ? Paging.Encode(entries[^1].Version) : null);
    }
}
