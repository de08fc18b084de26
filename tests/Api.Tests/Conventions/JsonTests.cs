using System.Text.Json;
using Investment.Api.Http;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Api.Tests.Conventions;

public sealed class JsonTests
{
    private sealed record Sample(Money Capital, LocalDate IssueDate, Instant RecordedAt, Sector Sector, string? Missing);

    [Fact]
    public void money_dates_instants_and_enums_are_written_as_unambiguous_strings()
    {
        var json = JsonSerializer.Serialize(
            new Sample(Money.Usd(150_000_000.00m), new LocalDate(2014, 6, 30), Instant.FromUtc(2014, 6, 30, 3, 0), Sector.SteelAndMetallurgy, null),
            Json.Options);

        Assert.Equal("""{"capital":{"amount":"150000000.00","currency":"USD"},"issueDate":"2014-06-30","recordedAt":"2014-06-30T03:00:00Z","sector":"steelAndMetallurgy"}""", json);
    }

    [Theory]
    [InlineData("\"1234567890123.4567\"")]
    [InlineData("1234567890123.4567")]
    public void amounts_are_read_exactly_from_strings_and_numbers(string amount)
    {
        var money = JsonSerializer.Deserialize<Money>($$"""{"amount":{{amount}},"currency":"VND"}""", Json.Options)!;
        Assert.Equal(1234567890123.4567m, money.Amount);
        Assert.Equal(Currency.VND, money.Currency);
    }

    [Theory]
    [InlineData("""{"amount":"12,5","currency":"USD"}""")]
    [InlineData("""{"amount":"1e5","currency":"USD"}""")]
    [InlineData("""{"amount":"150","currency":"EUR"}""")]
    public void amounts_and_currencies_that_are_not_exact_are_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Money>(json, Json.Options));
}
