using NodaTime;

namespace Investment.Domain.Common;

/// <summary>
/// Vietnam's working days, for the service standards agencies hold themselves to (issue 14 §2.4): Monday to Friday,
/// less the public holidays of the Labour Code (2012, Art. 115; the 2019 code, Art. 112, keeps them and adds a day to
/// National Day from 2021). When a holiday falls on a Saturday or Sunday the next working day is off instead (Art.
/// 115(3)). The yearly swaps the Government announces for its officials (a Saturday worked to bridge a holiday) are not
/// modelled: they move a day, not the count of working days off.
///
/// Tết and Hung Kings' day follow the lunar calendar, which NodaTime does not have, and the usual holiday library
/// (Nager.Date) is not available to this build: their solar dates are written below, for 2010–2027 (the years the
/// demo data, the benchmark's data and the tests cover, and the years ahead). Tết is the statutory days: the last day
/// of the lunar year and the first three days of the new one until 2012 (4 days), the first four from 2013 (5 days). A
/// year outside the list has only its fixed-date holidays: <see cref="Covers"/> says so.
/// </summary>
public static class WorkingDays
{
    /// <summary>The first day of the lunar year (Tết Nguyên Đán), by solar year.</summary>
    private static readonly Dictionary<int, LocalDate> LunarNewYear = new()
    {
        [2010] = new(2010, 2, 14), [2011] = new(2011, 2, 3), [2012] = new(2012, 1, 23), [2013] = new(2013, 2, 10),
        [2014] = new(2014, 1, 31), [2015] = new(2015, 2, 19), [2016] = new(2016, 2, 8), [2017] = new(2017, 1, 28),
        [2018] = new(2018, 2, 16), [2019] = new(2019, 2, 5), [2020] = new(2020, 1, 25), [2021] = new(2021, 2, 12),
        [2022] = new(2022, 2, 1), [2023] = new(2023, 1, 22), [2024] = new(2024, 2, 10), [2025] = new(2025, 1, 29),
        [2026] = new(2026, 2, 17), [2027] = new(2027, 2, 6),
    };

    /// <summary>Hung Kings' Commemoration Day (10th day of the 3rd lunar month), by solar year.</summary>
    private static readonly Dictionary<int, LocalDate> HungKings = new()
    {
        [2010] = new(2010, 4, 23), [2011] = new(2011, 4, 12), [2012] = new(2012, 3, 31), [2013] = new(2013, 4, 19),
        [2014] = new(2014, 4, 9), [2015] = new(2015, 4, 28), [2016] = new(2016, 4, 16), [2017] = new(2017, 4, 6),
        [2018] = new(2018, 4, 25), [2019] = new(2019, 4, 14), [2020] = new(2020, 4, 2), [2021] = new(2021, 4, 21),
        [2022] = new(2022, 4, 10), [2023] = new(2023, 4, 29), [2024] = new(2024, 4, 18), [2025] = new(2025, 4, 7),
        [2026] = new(2026, 4, 26), [2027] = new(2027, 4, 16),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<LocalDate>> DaysOff = new();

    /// <summary>Whether the lunar holidays of a year are known here; without them only the fixed-date ones count.</summary>
    public static bool Covers(int year) => LunarNewYear.ContainsKey(year) && HungKings.ContainsKey(year);

    public static bool IsWorkingDay(LocalDate day) => !IsWeekend(day) && !Holidays(day.Year).Contains(day);

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>: 0 on the same day, 1 on
    /// the next working day. A lead opened on a Friday and answered on Monday took 1 working day. Negative never: 0 when
    /// <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public static int Between(LocalDate from, LocalDate to)
    {
        var count = 0;
        for (var day = from.PlusDays(1); day <= to; day = day.PlusDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/>: the last day within a standard.</summary>
    public static LocalDate Add(LocalDate from, int days)
    {
        var day = from;
        for (var left = days; left > 0;)
        {
            day = day.PlusDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>The public holidays of a year in Vietnam, with the days off given for those on a weekend.</summary>
    public static IReadOnlySet<LocalDate> Holidays(int year) => DaysOff.GetOrAdd(year, Compute);

    private static bool IsWeekend(LocalDate day) => day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static HashSet<LocalDate> Compute(int year)
    {
        List<LocalDate> statutory = [new(year, 1, 1), new(year, 4, 30), new(year, 5, 1), new(year, 9, 2)];
        if (year >= 2021) statutory.Add(new(year, 9, 3)); // the 2019 code's second day: 1 or 3 September; the 3rd taken here
        if (LunarNewYear.TryGetValue(year, out var tet))
            statutory.AddRange(Enumerable.Range(-1, year >= 2013 ? 5 : 4).Select(tet.PlusDays));
        // The eve of a Tết early in the year can fall in the previous year's list: that year's own days are added below.
        if (LunarNewYear.TryGetValue(year + 1, out var nextTet))
            statutory.AddRange(Enumerable.Range(-1, year + 1 >= 2013 ? 5 : 4).Select(nextTet.PlusDays).Where(d => d.Year == year));
        if (HungKings.TryGetValue(year, out var hung)) statutory.Add(hung);

        var off = new HashSet<LocalDate>(statutory.Where(d => d.Year == year));
        foreach (var holiday in statutory.Where(IsWeekend).Order())
        {
            var day = holiday.PlusDays(1);
            while (IsWeekend(day) || off.Contains(day)) day = day.PlusDays(1);
            if (day.Year == year) off.Add(day);
        }
        return off;
    }
}
