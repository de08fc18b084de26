using System.Text.Json;
using Investment.Domain.Common;

namespace Investment.Api.EventStore;

/// <summary>
/// One event of a stream as the history endpoints show it: what happened, who recorded it and when. An event brought in
/// from an existing registry also says so: recordedAt is when the old register knew it, imported when it was imported.
/// </summary>
public sealed record HistoryEntry(long Version, string Type, string RecordedBy, Instant RecordedAt, object Data, ImportedFrom? Imported = null);

/// <summary>Where an imported event came from: the import, its sheet and row, who ran it and when (Marten event headers).</summary>
public sealed record ImportedFrom(Guid ImportId, string Sheet, int Row, string By, Instant At);

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
        var entries = events.Take(take).Select(e => (e.Data is IRecordedEvent recorded
                ? new HistoryEntry(e.Version, JsonNamingPolicy.CamelCase.ConvertName(e.EventType.Name), recorded.RecordedBy, recorded.RecordedAt, e.Data)
                : new HistoryEntry(e.Version, JsonNamingPolicy.CamelCase.ConvertName(e.EventType.Name), "unknown", Instant.FromDateTimeOffset(e.Timestamp), e.Data))
                with { Imported = Imported(e.Headers) })
            .ToList();
        return new Page<HistoryEntry>(entries, events.Count > take ? Paging.Encode(entries[^1].Version) : null);
    }

    /// <summary>The provenance headers an import set (the names are the import's: importId, importSheet…), or null.</summary>
    private static ImportedFrom? Imported(Dictionary<string, object>? headers)
    {
        if (headers is null || !headers.TryGetValue("importId", out var id) || !Guid.TryParse(Text(id), out var importId)) return null;
        string Header(string name) => headers.TryGetValue(name, out var value) ? Text(value) : "";
        // The serializer may hand an ISO instant back as a DateTime: both read as the instant.
        var at = headers.GetValueOrDefault("importedAt") switch
        {
            DateTime d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            DateTimeOffset d => Instant.FromDateTimeOffset(d),
            var other => NodaTime.Text.InstantPattern.ExtendedIso.Parse(Text(other)) is { Success: true } parsed ? parsed.Value : Instant.MinValue,
        };
        return new ImportedFrom(importId, Header("importSheet"), int.TryParse(Header("importRow"), out var row) ? row : 0, Header("importedBy"), at);
    }

    private static string Text(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        JsonElement other => other.GetRawText(),
        null => "",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
