using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;

namespace Investment.Api.Http;

/// <summary>
/// One JSON shape for HTTP and for the store: camelCase, enums as camelCase strings, NodaTime values as ISO strings
/// (2014-06-30, 2014-06-30T03:00:00Z) and money amounts as decimal strings.
/// </summary>
public static class Json
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new DecimalAsStringConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }

    /// <summary>
    /// Requests are read strictly, so that a client's mistake is a 400 naming the field rather than a silent default:
    /// null where a value is required, missing required fields, unknown fields and repeated keys are all refused.
    /// </summary>
    public static void ConfigureForHttp(JsonSerializerOptions options)
    {
        Configure(options);
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.Converters.Insert(0, new RequestStringConverter());
        options.Converters.Insert(0, new BoundedLocalDateConverter());
        options.Converters.Insert(0, new Rfc3339InstantConverter());
        // Vietnamese, Japanese, Korean and Chinese text is written as itself (ô, not \u00F4): answers are
        // application/json with nosniff and never embedded in HTML, so HTML-sensitive characters need no escaping.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>A C# member or enum name as JSON shows it (SteelAndMetallurgy → steelAndMetallurgy).</summary>
    public static string Name(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ConfigureForHttp(options);
        return options;
    }
}

/// <summary>
/// Every text field of a request is bounded and free of control and invisible characters (tabs and line breaks aside,
/// <see cref="Text.IsInvisible"/>) before any
/// validator sees it: a 10 MB name or a NUL byte is refused as unreadable JSON naming the field, whatever the endpoint.
/// Validators then apply each field's own, tighter limit.
/// </summary>
public sealed class RequestStringConverter : JsonConverter<string>
{
    public const int MaxLength = 10_000;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new InvalidJsonValueException("Expected a string.");
        var text = reader.GetString()!;
        if (text.Length > MaxLength) throw new InvalidJsonValueException($"A text field may hold at most {MaxLength} characters.");
        if (!Text.HasNoControlCharacters(text))
            throw new InvalidJsonValueException("A text field may not contain control characters (other than tabs and line breaks) nor invisible formatting characters such as U+200B or U+202E.");
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// Business dates in requests lie between 1900 and 2100: the domain adds months and years to them (extensions,
/// watchlist deadlines), and a date at the edge of the calendar would overflow instead of being refused.
/// </summary>
public sealed class BoundedLocalDateConverter : JsonConverter<NodaTime.LocalDate>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public override NodaTime.LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text ?? "");
        if (!parsed.Success) throw new InvalidJsonValueException("Expected a date written as 2014-06-30.");
        if (parsed.Value.Year is < MinYear or > MaxYear) throw new InvalidJsonValueException($"A date lies between {MinYear} and {MaxYear}.");
        return parsed.Value;
    }

    public override void Write(Utf8JsonWriter writer, NodaTime.LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(NodaTime.Text.LocalDatePattern.Iso.Format(value));
}

/// <summary>
/// Amounts travel as strings ("150000000.00") so that no client parses them into binary floating point;
/// a JSON number is accepted on input, read exactly as written.
/// </summary>
public sealed class DecimalAsStringConverter : JsonConverter<decimal>
{
    /// <summary>A decimal keeps 28 significant digits; an amount with more would be silently rounded, so it is refused.</summary>
    private const int MaxDigits = 28;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? ""
            : System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        if (text.Count(char.IsAsciiDigit) > MaxDigits)
            throw new InvalidJsonValueException($"An amount may have at most {MaxDigits} digits, such as \"150000000.00\".");
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number)) return number;
        if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        throw new InvalidJsonValueException("Expected a decimal number written as a string, such as \"150000000.00\".");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// A value our converters refuse, with the reason in words for the client: the problem details show
/// <see cref="Explanation"/>, never the serializer's own message (which a .NET upgrade may reword).
/// </summary>
public sealed class InvalidJsonValueException(string explanation) : JsonException(explanation)
{
    public string Explanation { get; } = explanation;
}
