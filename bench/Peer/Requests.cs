using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

namespace Investment.Bench.Peer;

public sealed record ProgressRow(decimal AttractedUsd, decimal? MinimumUsd, decimal? MaximumUsd);

public sealed record Money(decimal Amount, string Currency, decimal? ExchangeRate = null, DateOnly? RateDate = null)
{
    public decimal InUsd() => Math.Round(Currency == "USD" ? Amount : Amount / ExchangeRate!.Value, 2, MidpointRounding.AwayFromZero);
}

public sealed record MilestoneRequest(string Name, DateOnly Due);

/// <summary>The API's contact request (src/Api/Leads/ContactRequest.cs) and its rules, the instant form only.</summary>
public sealed record ContactRequest(ContactChannel Channel, string Summary, DateTimeOffset? OccurredAt = null, IReadOnlyList<string>? Officers = null,
    IReadOnlyList<string>? InvestorPeople = null, string? NextStep = null, DateOnly? FollowUpOn = null)
{
    public sealed class Validator : AbstractValidator<ContactRequest>
    {
        public Validator()
        {
            RuleFor(x => x.OccurredAt).NotNull().Must(at => at is null || at.Value.UtcDateTime.Year is >= 1900 and <= 2100);
            RuleFor(x => x.Summary).NotEmpty().MaximumLength(4000).Must(PeerText.HasNoControlCharacters);
            RuleFor(x => x.NextStep).MaximumLength(1000).Must(PeerText.HasNoControlCharacters);
            RuleFor(x => x).Must(x => (x.Officers?.Count ?? 0) + (x.InvestorPeople?.Count ?? 0) > 0).WithName("officers");
            RuleFor(x => x.Officers).Must(o => o is null || o.Count <= 50);
            RuleFor(x => x.InvestorPeople).Must(o => o is null || o.Count <= 50);
            RuleForEach(x => x.Officers).NotEmpty().MaximumLength(200).Must(PeerText.HasNoControlCharacters).Must(PeerText.HasALetter);
            RuleForEach(x => x.InvestorPeople).NotEmpty().MaximumLength(200).Must(PeerText.HasNoControlCharacters).Must(PeerText.HasALetter);
        }
    }
}

/// <summary>The API's certificate request (src/Api/Certificates/IssueCertificate.cs) and its rules.</summary>
public sealed record CertificateRequest(
    string Number, string ProjectName, IReadOnlyList<Guid> InvestorIds, string Zone, Sector Sector, Money Capital,
    decimal LandAreaHectares, DateOnly IssuedOn, int DurationYears, IReadOnlyList<MilestoneRequest>? Schedule = null, Guid? LeadId = null,
    int? PlannedEmployees = null)
{
    public sealed class Validator : AbstractValidator<CertificateRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Number).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9./ -]+$");
            RuleFor(x => x.ProjectName).NotEmpty().MaximumLength(300).Must(PeerText.HasNoControlCharacters).Must(PeerText.HasALetter);
            RuleFor(x => x.InvestorIds).NotEmpty().Must(ids => ids is null || (ids.Count <= 20 && ids.Distinct().Count() == ids.Count));
            RuleFor(x => x.Zone).NotEmpty().MaximumLength(50);
            RuleFor(x => x.Capital.Amount).InclusiveBetween(0m, 1_000_000_000_000_000m).PrecisionScale(28, 2, ignoreTrailingZeros: true);
            RuleFor(x => x.Capital.Currency).Must(c => c is "USD" or "VND");
            RuleFor(x => x.Capital.ExchangeRate).NotNull().InclusiveBetween(1m, 1_000_000m).When(x => x.Capital.Currency == "VND");
            RuleFor(x => x.LandAreaHectares).InclusiveBetween(0m, 100_000m).PrecisionScale(12, 4, ignoreTrailingZeros: true);
            RuleFor(x => x.DurationYears).InclusiveBetween(1, 70);
            RuleFor(x => x.PlannedEmployees).InclusiveBetween(0, 1_000_000);
            RuleFor(x => x.Schedule).Must(s => s is null || (s.Count <= 50 && s.Select(m => m.Name.Trim()).Distinct().Count() == s.Count));
            RuleForEach(x => x.Schedule).ChildRules(m => m.RuleFor(x => x.Name).NotEmpty().MaximumLength(200).Must(PeerText.HasNoControlCharacters));
        }
    }
}

public static class PeerText
{
    public static bool HasNoControlCharacters(string? text) => text is null || !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    public static bool HasALetter(string? text) => text is not null && text.Any(char.IsLetter);
}

/// <summary>The API's JSON rules (src/Api/Http/Json.cs), written again here: camelCase, enums as camelCase strings, amounts as strings, strict reading.</summary>
public static class PeerJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new DecimalAsString());
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    private sealed class DecimalAsString : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? decimal.Parse(reader.GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
