using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Investment.Domain.Reports;

namespace Investment.Api.Reports;

/// <summary>
/// A capital movement's JSON, written once per movement and options and kept beside it (issue 18): the copy of a zone's
/// ledgers (<see cref="ZoneFacts"/>) hands every request the same movement objects, and a report writes hundreds of them
/// as its lines. The bytes are the serializer's own for the options the answer is written with, this converter aside, so
/// answers are unchanged; the kept bytes go with their movement when a refresh of the copy drops it.
/// </summary>
public sealed class CapitalMovementJson : JsonConverter<CapitalMovement>
{
    private readonly ConditionalWeakTable<JsonSerializerOptions, Written> byOptions = new();

    private sealed class Written(JsonSerializerOptions plain)
    {
        public JsonSerializerOptions Plain { get; } = plain;

        public ConditionalWeakTable<CapitalMovement, byte[]> Movements { get; } = new();
    }

    public override CapitalMovement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<CapitalMovement>(ref reader, For(options).Plain);

    public override void Write(Utf8JsonWriter writer, CapitalMovement value, JsonSerializerOptions options)
    {
        var written = For(options);
        if (options.WriteIndented)
        {
            JsonSerializer.Serialize(writer, value, written.Plain);
            return;
        }
        writer.WriteRawValue(written.Movements.GetValue(value, v => JsonSerializer.SerializeToUtf8Bytes(v, written.Plain)), skipInputValidation: true);
    }

    private Written For(JsonSerializerOptions options) => byOptions.GetValue(options, o =>
    {
        var plain = new JsonSerializerOptions(o);
        plain.Converters.Remove(this);
        return new Written(plain);
    });
}
