using System.Text.Json.Serialization;
using NodaTime;

namespace Investment.Domain.Common;

/// <summary>ISO 4217 codes, written as such (not camelCased like other enums).</summary>
public enum Currency
{
    [JsonStringEnumMemberName("USD")] USD,
    [JsonStringEnumMemberName("VND")] VND,
}

/// <summary>
/// An amount as stated, in its currency. For VND, the exchange rate (VND per USD) and its date used to express it in
/// USD, because targets and totals are in USD (domain.md, "Money"). Decimal, never binary floating point: a capital of
/// USD 150,000,000.00 must add up to the cent in every total.
/// </summary>
public sealed record Money(decimal Amount, Currency Currency, decimal? ExchangeRate = null, LocalDate? RateDate = null)
{
    /// <summary>No registered capital comes near it; beyond it, sums of many amounts could overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    public static Money Usd(decimal amount) => new(amount, Currency.USD);

    public static Money Vnd(decimal amount, decimal vndPerUsd, LocalDate rateDate) => new(amount, Currency.VND, vndPerUsd, rateDate);

    /// <summary>
    /// The amount in USD, to the cent: as stated, or converted at the stated rate. The one place a USD amount is rounded
    /// (the counting rules name it): half away from zero, as Excel's ROUND and Vietnamese practice do (10,000,900 VND at
    /// 20,000 is USD 500.05). Totals are sums of these rounded amounts.
    /// </summary>
    public decimal InUsd() => Currency switch
    {
        Currency.USD => Cents(Amount),
        _ when ExchangeRate is > 0 => Cents(Amount / ExchangeRate.Value),
        _ => throw new InvalidOperationException("A VND amount needs its exchange rate to be expressed in USD."),
    };

    /// <summary>What the rounding is called where a figure states its rule.</summary>
    public const string Rounding = "to the cent, half away from zero";

    /// <summary>
    /// Rounded to the cent, half away from zero, and written with two decimals (10000000 → 10000000.00: a decimal keeps
    /// its scale, and a sum of amounts of scale 2 keeps it too).
    /// </summary>
    public static decimal Cents(decimal usd) => Math.Round(usd, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>Why this money cannot be recorded, or null when it can.</summary>
    public string? Problem(bool allowNegative = false) => this switch
    {
        { Amount: < 0 } when !allowNegative => "the amount must not be negative",
        _ when Math.Abs(Amount) > MaxAmount => "the amount is too large (at most 1,000,000,000,000,000)",
        _ when Amount.Scale > 2 && Amount != Math.Round(Amount, 2) => "the amount has more than 2 decimal places",
        { Currency: Currency.USD, ExchangeRate: not null } or { Currency: Currency.USD, RateDate: not null } =>
            "a USD amount takes no exchange rate",
        { Currency: Currency.VND, ExchangeRate: null or < 1 or > 1_000_000 } =>
            "a VND amount needs its exchange rate: the VND for one USD, between 1 and 1,000,000",
        { ExchangeRate: { } rate } when rate != Math.Round(rate, 6) => "an exchange rate has at most 6 decimals",
        { Currency: Currency.VND, RateDate: null } => "a VND amount needs the date of its exchange rate",
        _ => null,
    };
}
