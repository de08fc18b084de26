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
/// Amounts travel as strings ("150000000.00") so that no client parses them into binary floating point;
/// a JSON number is accepted on input, read exactly as written.
/// </summary>
public sealed class DecimalAsStringConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number)) return number;
        if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        throw new JsonException("Expected a decimal number written as a string, such as \"150000000.00\".");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
