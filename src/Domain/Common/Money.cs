using System.Text.Json.Serialization;

namespace Investment.Domain.Common;

/// <summary>ISO 4217 codes, written as such (not camelCased like other enums).</summary>
public enum Currency
{
    [JsonStringEnumMemberName("USD")] USD,
    [JsonStringEnumMemberName("VND")] VND,
}

/// <summary>
/// An amount as stated, in its currency. Decimal, never binary floating point: a capital of
/// USD 150,000,000.00 must add up to the cent in every total.
/// </summary>
public sealed record Money(decimal Amount, Currency Currency)
{
    public static Money Usd(decimal amount) => new(amount, Currency.USD);
}
