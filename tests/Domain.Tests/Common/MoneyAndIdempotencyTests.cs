using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Fact]
    public void a_vnd_amount_is_expressed_in_usd_at_its_rate_rounded_to_the_cent() =>
        Assert.Equal(149_743_297.20m, Money.Vnd(3_150_000_000_000m, 21_036m, new LocalDate(2014, 3, 3)).InUsd());

    [Theory]
    [InlineData(10_000_900, 20_000, "500.05")] // 500.045: half a cent rounds away from zero, as Excel's ROUND does (not to even: 500.04)
    [InlineData(-10_000_900, 20_000, "-500.05")] // a reduction is the mirror of an increase
    [InlineData(10_000_700, 20_000, "500.04")] // 500.035 → 500.04
    [InlineData(10_000_899, 20_000, "500.04")] // 500.04495 → 500.04
    [InlineData(21_000_000, 21_000, "1000.00")]
    public void a_converted_amount_rounds_half_away_from_zero_to_the_cent(decimal vnd, decimal rate, string usd) =>
        Assert.Equal(usd, Money.Vnd(vnd, rate, new LocalDate(2014, 3, 3)).InUsd().ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void a_usd_amount_is_written_with_two_decimals_and_so_is_a_sum() => Assert.Equal("10000001.50",
        (Money.Usd(10_000_000m).InUsd() + Money.Usd(1.5m).InUsd()).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void a_usd_amount_keeps_its_precision() => Assert.Equal("150000000.00", Money.Usd(150_000_000.00m).InUsd().ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(-1, Currency.USD, null, false, "negative")]
    [InlineData(1.005, Currency.USD, null, false, "2 decimal")]
    [InlineData(1, Currency.USD, 21000, false, "no exchange rate")]
    [InlineData(1, Currency.VND, null, false, "needs its exchange rate")]
    [InlineData(1, Currency.VND, 21000, false, "date of its exchange rate")]
    [InlineData(1.50, Currency.USD, null, false, null)]
    [InlineData(2e15, Currency.USD, null, false, "too large")]
    [InlineData(1, Currency.VND, 0, false, "between 1 and 1,000,000")]
    [InlineData(1, Currency.VND, 2000000, false, "between 1 and 1,000,000")]
    [InlineData(-1, Currency.USD, null, true, null)]
    public void money_that_cannot_be_recorded_says_why(double amount, Currency currency, int? rate, bool allowNegative, string? problem)
    {
        var money = new Money((decimal)amount, currency, rate, null);
        if (problem is null) Assert.Null(money.Problem(allowNegative));
        else Assert.Contains(problem, money.Problem(allowNegative));
    }
}

public sealed class IdempotencyTests
{
    [Theory]
    [InlineData(null, "a", Idempotency.Outcome.Execute)]
    [InlineData("a", "a", Idempotency.Outcome.Replay)]
    [InlineData("a", "b", Idempotency.Outcome.KeyReused)]
    public void a_key_executes_once_replays_the_same_request_and_refuses_another(string? remembered, string now, Idempotency.Outcome outcome) =>
        Assert.Equal(outcome, Idempotency.Decide(remembered, now));

    [Theory]
    [InlineData(0, Idempotency.Unanswered.InProgress)]
    [InlineData(60, Idempotency.Unanswered.InProgress)]
    [InlineData(61, Idempotency.Unanswered.AnswerLost)]
    public void a_key_without_an_answer_is_in_progress_for_a_minute_then_its_answer_is_lost(int secondsLater, Idempotency.Unanswered expected)
    {
        var recorded = Instant.FromUtc(2014, 7, 5, 3, 0);
        Assert.Equal(expected, Idempotency.WhenUnanswered(recorded, recorded.Plus(Duration.FromSeconds(secondsLater))));
    }
}

