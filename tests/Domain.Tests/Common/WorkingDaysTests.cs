using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Tests.Common;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData("2014-07-03", "2014-07-03", 0)] // the same day
    [InlineData("2014-07-03", "2014-07-04", 1)] // Thursday → Friday
    [InlineData("2014-07-04", "2014-07-07", 1)] // Friday → Monday: the weekend is not counted
    [InlineData("2014-04-08", "2014-04-10", 1)] // over Hung Kings' day, Wednesday 9 April 2014
    [InlineData("2014-04-03", "2014-04-10", 4)] // the demo's late answer: Fri, Mon, Tue, (holiday), Thu
    [InlineData("2014-04-29", "2014-05-02", 1)] // 30 April and 1 May are holidays
    [InlineData("2014-01-28", "2014-02-07", 3)] // Tết 2014: 30 Jan – 3 Feb (eve + 4 days, from 2013), the weekend two moved to 4–5 Feb
    [InlineData("2014-07-10", "2014-07-01", 0)] // never negative
    public void working_days_count_weekdays_that_are_not_public_holidays(string from, string to, int days) =>
        Assert.Equal(days, WorkingDays.Between(NodaTime.Text.LocalDatePattern.Iso.Parse(from).Value, NodaTime.Text.LocalDatePattern.Iso.Parse(to).Value));

    [Fact]
    public void a_holiday_on_a_weekend_gives_the_next_working_day_off()
    {
        Assert.False(WorkingDays.IsWorkingDay(new LocalDate(2012, 1, 2))); // 1 January 2012 was a Sunday
        Assert.False(WorkingDays.IsWorkingDay(new LocalDate(2016, 4, 18))); // Hung Kings' day 2016 was a Saturday
        Assert.False(WorkingDays.IsWorkingDay(new LocalDate(2010, 5, 3))); // 1 May 2010 was a Saturday
        Assert.True(WorkingDays.IsWorkingDay(new LocalDate(2015, 5, 4))); // 30 April and 1 May 2015 were Thursday and Friday
        Assert.True(WorkingDays.IsWorkingDay(new LocalDate(2014, 7, 7)));
    }

    [Fact]
    public void tet_before_2013_has_four_days_and_from_2013_five()
    {
        // 2012: Tết on Monday 23 January; eve (Sunday 22) and three days: 22–25, the eve's day off moving to Thursday 26.
        Assert.Equal([new LocalDate(2012, 1, 23), new(2012, 1, 24), new(2012, 1, 25), new(2012, 1, 26)],
            Enumerable.Range(0, 10).Select(i => new LocalDate(2012, 1, 20).PlusDays(i)).Where(d => d.DayOfWeek < IsoDayOfWeek.Saturday && !WorkingDays.IsWorkingDay(d)));
        Assert.Equal(5, Enumerable.Range(0, 12).Select(i => new LocalDate(2014, 1, 27).PlusDays(i)).Count(d => d.DayOfWeek < IsoDayOfWeek.Saturday && !WorkingDays.IsWorkingDay(d)));
    }

    [Fact]
    public void adding_working_days_skips_weekends_and_holidays()
    {
        Assert.Equal(new LocalDate(2014, 7, 8), WorkingDays.Add(new LocalDate(2014, 7, 4), 2)); // Friday + 2 → Tuesday
        Assert.Equal(new LocalDate(2014, 4, 10), WorkingDays.Add(new LocalDate(2014, 4, 7), 2)); // over 9 April
    }

    [Fact]
    public void the_calendar_says_which_years_it_knows_the_lunar_holidays_of()
    {
        Assert.True(WorkingDays.Covers(2014));
        Assert.False(WorkingDays.Covers(2040));
        // Outside the list only the fixed-date holidays count.
        Assert.False(WorkingDays.IsWorkingDay(new LocalDate(2040, 5, 1)));
    }
}
