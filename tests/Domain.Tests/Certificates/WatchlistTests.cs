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
}
