using Investment.Domain.Certificates;
using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Tests.Certificates;

public sealed class WatchlistTests
{
    private static readonly Recording Now = new("officer.nguyen", Instant.FromUtc(2014, 7, 5, 3, 0));

    private static IReadOnlyList<WatchRule> Rules(Certificate c, LocalDate asOf) => [.. Watchlist.Reasons(c, asOf).Select(r => r.Rule)];

    private static Certificate With(Certificate c, Decision d) => d.Events.Aggregate(c, (state, e) => e switch
    {
        CertificateAmended a => state.Apply(a),
        CertificateInspected i => state.Apply(i),
        CertificateSuspended s => state.Apply(s),
        CertificateResumed r => state.Apply(r),
        CertificateRevoked r => state.Apply(r),
        _ => state,
    });

    [Fact]
    public void a_certificate_not_yet_issued_or_already_revoked_is_not_watched()
    {
        var c = CertificateDeciderTests.Issue(); // issued 2012-01-10
        Assert.Empty(Rules(c, new LocalDate(2012, 1, 9)));
        c = With(c, CertificateDecider.Revoke(c, new LocalDate(2013, 1, 1), RevocationGround.InvestorDecision, "1", null, Now));
        Assert.Empty(Rules(c, new LocalDate(2013, 1, 1)));
        Assert.Contains(WatchRule.NoRecentInspection, Rules(c, new LocalDate(2012, 12, 31)));
    }

    [Fact]
    public void no_inspection_is_crossed_six_months_after_the_last_one_or_the_issue()
    {
        var c = CertificateDeciderTests.Issue();
        Assert.Empty(Rules(c, new LocalDate(2012, 7, 10)));
        Assert.Equal(new LocalDate(2012, 7, 11), Watchlist.Reasons(c, new LocalDate(2012, 7, 11)).Single().CrossedOn); // the first day listed
        c = With(c, CertificateDecider.Inspect(c, new(new LocalDate(2012, 7, 1), "t", Progress.OnSchedule, Money.Usd(1m), [], "ok"), Now));
        Assert.Empty(Rules(c, new LocalDate(2012, 12, 31)));
    }

    [Fact]
    public void a_stalled_last_inspection_is_listed_until_a_later_inspection_finds_otherwise()
    {
        var c = CertificateDeciderTests.Issue();
        c = With(c, CertificateDecider.Inspect(c, new(new LocalDate(2012, 5, 1), "t", Progress.Stalled, Money.Usd(1m), [], "idle"), Now));
        Assert.Contains(WatchRule.LastInspectionStalled, Rules(c, new LocalDate(2012, 5, 2)));
        c = With(c, CertificateDecider.Inspect(c, new(new LocalDate(2012, 6, 1), "t", Progress.Delayed, Money.Usd(1m), [], "moving"), Now));
        Assert.DoesNotContain(WatchRule.LastInspectionStalled, Rules(c, new LocalDate(2012, 6, 2)));
        Assert.Contains(WatchRule.LastInspectionStalled, Rules(c, new LocalDate(2012, 5, 31)));
    }

    [Fact]
    public void a_suspension_is_listed_after_six_months_unless_resumed()
    {
        var c = CertificateDeciderTests.Issue();
        c = With(c, CertificateDecider.Suspend(c, new LocalDate(2012, 2, 1), "x", Now));
        Assert.DoesNotContain(WatchRule.SuspendedTooLong, Rules(c, new LocalDate(2012, 8, 1)));
        Assert.Contains(WatchRule.SuspendedTooLong, Rules(c, new LocalDate(2012, 8, 2)));
        c = With(c, CertificateDecider.Resume(c, new LocalDate(2012, 9, 1), null, Now));
        Assert.DoesNotContain(WatchRule.SuspendedTooLong, Rules(c, new LocalDate(2012, 9, 1)));
        Assert.Contains(WatchRule.SuspendedTooLong, Rules(c, new LocalDate(2012, 8, 31))); // as known then
    }

    [Fact]
    public void an_overdue_milestone_with_the_extension_used_up_crosses_on_the_later_of_the_two_dates()
    {
        var c = CertificateDeciderTests.Issue(1000m, new Milestone("Operation", new LocalDate(2012, 3, 1)));
        c = With(c, CertificateDecider.Amend(c, new(new LocalDate(2012, 2, 1), null, null, 24, null, null, "x"), Now));

        var reason = Watchlist.Reasons(c, new LocalDate(2015, 3, 2)).Single(r => r.Rule == WatchRule.MilestoneOverdue);

        Assert.Equal(new LocalDate(2015, 3, 2), reason.CrossedOn); // due 2014-03-01 after extension: more than 12 months from 2015-03-02
        Assert.Equal("2014-03-01", reason.Facts["dueOn"]);
        Assert.DoesNotContain(WatchRule.MilestoneOverdue, Rules(c, new LocalDate(2015, 3, 1)));
    }

    [Fact]
    public void a_milestone_never_extended_is_listed_from_the_day_it_is_more_than_12_months_behind_its_registered_date()
    {
        var c = CertificateDeciderTests.Issue(1000m, new Milestone("Construction start", new LocalDate(2012, 11, 30)));
        Assert.DoesNotContain(WatchRule.MilestoneOverdue, Rules(c, new LocalDate(2013, 11, 30))); // 12 months, not more

        var reason = Watchlist.Reasons(c, new LocalDate(2014, 7, 5)).Single(r => r.Rule == WatchRule.MilestoneOverdue);

        Assert.Equal(new LocalDate(2013, 12, 1), reason.CrossedOn);
        Assert.Equal("Construction start", reason.Facts["milestone"]);
        Assert.Equal("2012-11-30", reason.Facts["dueOn"]);
        Assert.Equal("2012-11-30", reason.Facts["registeredDueOn"]);
        Assert.Equal("19", reason.Facts["monthsOverdue"]);
        Assert.Equal("0", reason.Facts["extensionMonthsUsed"]);
        Assert.Contains("no extension was asked for", reason.Explanation, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2013, 12, 1), Watchlist.Reasons(c, new LocalDate(2013, 12, 1)).Single(r => r.Rule == WatchRule.MilestoneOverdue).CrossedOn);
    }

    [Fact]
    public void a_milestone_met_or_extended_with_months_left_is_not_listed_for_the_delay()
    {
        var c = CertificateDeciderTests.Issue(1000m, new Milestone("Operation", new LocalDate(2012, 3, 1)));
        var met = With(c, CertificateDecider.Inspect(c, new(new LocalDate(2012, 2, 20), "t", Progress.OnSchedule, Money.Usd(1m), ["Operation"], "ok"), Now));
        Assert.DoesNotContain(WatchRule.MilestoneOverdue, Rules(met, new LocalDate(2014, 7, 5)));

        var extended = With(c, CertificateDecider.Amend(c, new(new LocalDate(2012, 2, 1), null, null, 12, null, null, "x"), Now));
        Assert.DoesNotContain(WatchRule.MilestoneOverdue, Rules(extended, new LocalDate(2014, 7, 5))); // may still ask for 12 more
        Assert.Contains(WatchRule.MilestoneOverdue, Rules(c, new LocalDate(2013, 3, 2))); // before it asked, as known then
        Assert.DoesNotContain(WatchRule.MilestoneOverdue, Rules(extended, new LocalDate(2013, 3, 2)));
    }

    [Fact]
    public void a_replaced_schedule_is_behind_from_the_day_it_was_set_at_the_earliest()
    {
        var c = CertificateDeciderTests.Issue(1000m, new Milestone("Operation", new LocalDate(2013, 6, 1)));
        c = With(c, CertificateDecider.Amend(c, new(new LocalDate(2014, 3, 1), null, null, 0, [new Milestone("Piling", new LocalDate(2012, 6, 1))], null, "x"), Now));

        var reason = Watchlist.Reasons(c, new LocalDate(2014, 7, 5)).Single(r => r.Rule == WatchRule.MilestoneOverdue);

        Assert.Equal("Piling", reason.Facts["milestone"]);
        Assert.Equal(new LocalDate(2014, 3, 1), reason.CrossedOn);
    }

    [Fact]
    public void a_certificate_never_inspected_has_no_last_inspection_date()
    {
        var c = CertificateDeciderTests.Issue();
        var reason = Watchlist.Reasons(c, new LocalDate(2012, 7, 11)).Single(r => r.Rule == WatchRule.NoRecentInspection);
        Assert.True(reason.Facts.ContainsKey("lastInspectedOn"));
        Assert.Null(reason.Facts["lastInspectedOn"]);
    }
    [Fact]
    public void the_periods_hold_exactly_the_dates_the_certificate_is_listed_on()
    {
        // Histories of every kind, some inspections recorded late (dated before earlier entries): for each day over six
        // years, listed by the rule as of that day if and only if one of the periods holds the day.
        var random = new Random(18);
        for (var n = 0; n < 200; n++)
        {
            var c = Random(random);
            var periods = Watchlist.Periods(c);
            for (var day = c.IssuedOn.PlusDays(-3); day < c.IssuedOn.PlusYears(6); day = day.PlusDays(1))
                Assert.True(Watchlist.Reasons(c, day).Count > 0 == periods.Any(p => p.Contains(day)), $"certificate {n} on {day}: {string.Join(", ", periods)}");
            Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.True(pair.First.Until < pair.Second.From)); // the fewest: none touch
        }
    }

    [Fact]
    public void the_slim_copy_gives_the_same_reasons_periods_and_status_as_the_whole_certificate_on_every_day()
    {
        // Issue 18: the watchlist decides from the slim copy stored beside each certificate; it must say exactly what the
        // whole certificate says, reason by reason, fact by fact, on every day.
        static string Said(IEnumerable<WatchReason> reasons) =>
            string.Join("\n", reasons.Select(r => $"{r.Rule} {r.CrossedOn} {r.Explanation} {string.Join("; ", r.Facts.Select(f => $"{f.Key}={f.Value ?? "null"}"))}"));
        var random = new Random(1818);
        for (var n = 0; n < 200; n++)
        {
            var c = Random(random);
            var slim = Watchlist.Slim(c);
            Assert.Equal((c.Id, c.Number, c.ProjectName, c.ZoneCode), (slim.Id, slim.Number, slim.ProjectName, slim.ZoneCode));
            Assert.Equal(Watchlist.Periods(c), Watchlist.Periods(slim));
            for (var day = c.IssuedOn.PlusDays(-3); day < c.IssuedOn.PlusYears(6); day = day.PlusDays(1))
            {
                Assert.Equal(Said(Watchlist.Reasons(c, day)), Said(Watchlist.Reasons(slim, day)));
                Assert.Equal(c.AsOf(day).Status, slim.AsOf(day).Status);
            }
        }
    }

    [Fact]
    public void a_certificate_inspected_in_time_has_no_period_and_one_revoked_has_none_after_it()
    {
        var c = CertificateDeciderTests.Issue(1000m, new Milestone("Operation", new LocalDate(2012, 6, 1)));
        for (var on = new LocalDate(2012, 5, 1); on < new LocalDate(2014, 1, 1); on = on.PlusMonths(5))
            c = With(c, CertificateDecider.Inspect(c, new(on, "t", Progress.OnSchedule, Money.Usd(1m), ["Operation"], "ok"), Now));
        Assert.Equal([new WatchPeriod(new LocalDate(2014, 2, 2), null)], Watchlist.Periods(c)); // more than 6 months after the last, 2013-08-01

        c = With(c, CertificateDecider.Revoke(c, new LocalDate(2014, 5, 1), RevocationGround.InvestorDecision, "1", null, Now));
        Assert.Equal([new WatchPeriod(new LocalDate(2014, 2, 2), new LocalDate(2014, 5, 1))], Watchlist.Periods(c));
    }

    private static Certificate Random(Random random)
    {
        var issued = new LocalDate(2012, 1, 10).PlusDays(random.Next(0, 60));
        Milestone[] schedule = random.Next(3) == 0
            ? [new Milestone("Piling", issued.PlusMonths(random.Next(1, 12))), new Milestone("Operation", issued.PlusMonths(random.Next(12, 36)))]
            : [new Milestone("Operation", issued.PlusMonths(random.Next(1, 30)))];
        var c = CertificateDeciderTests.Issue(1000m, schedule);
        var on = c.IssuedOn;
        var amendments = 0;
        var suspended = false;
        for (var e = 0; e < random.Next(0, 12); e++)
        {
            on = on.PlusDays(random.Next(1, 260));
            var by = Now.By;
            c = random.Next(10) switch
            {
                < 5 => c.Apply(new CertificateInspected(c.Id, random.Next(6) == 0 ? on.PlusDays(-random.Next(1, 200)) : on, "t", (Progress)random.Next(3),
                    Money.Usd(1m), random.Next(3) == 0 ? [schedule[random.Next(schedule.Length)].Name] : [], "f", by, Now.At)),
                < 7 => c.Apply(new CertificateAmended(c.Id, ++amendments, on, null, null, random.Next(3) == 0 ? 0 : random.Next(1, 25),
                    random.Next(5) == 0 ? [new Milestone("Replaced", on.PlusMonths(random.Next(-12, 12)))] : null, null, "x", by, Now.At)),
                < 9 when !suspended => c.Apply(new CertificateSuspended(c.Id, on, "x", by, Now.At)),
                < 9 => c.Apply(new CertificateResumed(c.Id, on, null, by, Now.At)),
                _ => c,
            };
            suspended = c.Suspensions is [.., { To: null }];
        }
        return random.Next(4) == 0 ? c.Apply(new CertificateRevoked(c.Id, on.PlusDays(random.Next(1, 300)), RevocationGround.InvestorDecision, "1", null, Now.By, Now.At)) : c;
    }
}
