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
    public void an_overdue_milestone_needs_the_extension_used_up_and_crosses_on_the_later_of_the_two_dates()
    {
        var c = CertificateDeciderTests.Issue(1000m, new Milestone("Operation", new LocalDate(2012, 3, 1)));
        Assert.DoesNotContain(WatchRule.MilestoneOverdue, Rules(c, new LocalDate(2014, 1, 1)));
        c = With(c, CertificateDecider.Amend(c, new(new LocalDate(2012, 2, 1), null, null, 24, null, null, "x"), Now));

        var reason = Watchlist.Reasons(c, new LocalDate(2015, 3, 2)).Single(r => r.Rule == WatchRule.MilestoneOverdue);

        Assert.Equal(new LocalDate(2015, 3, 2), reason.CrossedOn); // due 2014-03-01 after extension: more than 12 months from 2015-03-02
        Assert.Equal("2014-03-01", reason.Facts["dueOn"]);
        Assert.DoesNotContain(WatchRule.MilestoneOverdue, Rules(c, new LocalDate(2015, 3, 1)));
    }
}
