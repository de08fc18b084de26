using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace Investment.Api.Http;

/// <summary>
/// Instants travel as RFC 3339. Clients send them with whatever offset they hold (a phone in Vietnam
/// 2014-03-10T09:30:00+07:00, .NET's DateTimeOffset +00:00, or Z) and the API converts them to the instant they name;
/// it answers them in UTC to the second, always in the same shape (2014-03-10T02:30:00Z), so that clients can compare
/// them as text and every generated client parses them.
/// </summary>
public sealed class Rfc3339InstantConverter : JsonConverter<Instant>
{
    /// <summary>Z or ±HH:mm (±HH and ±HH:mm:ss too), and up to nine digits of a second.</summary>
    private static readonly OffsetDateTimePattern Input = OffsetDateTimePattern.ExtendedIso;

    private static readonly InstantPattern Output = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
        var parsed = Input.Parse(text.Replace('t', 'T').Replace('z', 'Z'));
        if (!parsed.Success)
            throw new JsonException("Expected an instant written as RFC 3339, such as 2014-03-10T02:30:00Z or 2014-03-10T09:30:00+07:00.");
        return parsed.Value.ToInstant();
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Output.Format(Instant.FromUnixTimeSeconds(value.ToUnixTimeSeconds())));
}
