using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Tests.Certificates;

public sealed class CertificateDeciderTests
{
    private static readonly Recording Now = new("officer.nguyen", Instant.FromUtc(2014, 7, 5, 3, 0));
    private static readonly LocalDate Issued = new(2012, 1, 10);

    public static Certificate Issue(decimal capital = 1000m, params Milestone[] schedule)
    {
        var decision = CertificateDecider.Issue(new CertificateDecider.IssueCertificate(Guid.NewGuid(), " 341043000012 ", " Plant ",
            [new CertificateInvestor(Guid.NewGuid(), "Doosan", "KR")], "dung-quat", Sector.HeavyIndustry, Money.Usd(capital), 28m, Issued, 50,
            schedule.Length == 0 ? [new Milestone("Operation", new LocalDate(2013, 1, 10))] : schedule, null), Now);
        return Certificate.Create(Assert.IsType<CertificateIssued>(Assert.Single(decision.Events)));
    }

    private static Certificate Then(Certificate c, Decision d) => d.Events.Aggregate(c, (state, e) => e switch
    {
        CertificateAmended a => state.Apply(a),
        CertificateInspected i => state.Apply(i),
        CertificateSuspended s => state.Apply(s),
        CertificateResumed r => state.Apply(r),
        CertificateRevoked r => state.Apply(r),
        _ => throw new InvalidOperationException(e.GetType().Name),
    });

    private static CertificateDecider.AmendCertificate Amendment(int day, decimal? capital = null, int months = 0) =>
        new(Issued.PlusDays(day), capital is null ? null : Money.Usd(capital.Value), null, months, null, null, " reason ");

    [Fact]
    public void issuing_trims_the_number_and_refuses_a_future_date_or_an_early_milestone()
    {
        Assert.Equal("341043000012", Issue().Number);
        var future = CertificateDecider.Issue(new CertificateDecider.IssueCertificate(Guid.NewGuid(), "1", "P", [], "dung-quat", Sector.Energy,
            Money.Usd(1m), 1m, new LocalDate(2014, 7, 6), 1, [], null), Now);
        var early = CertificateDecider.Issue(new CertificateDecider.IssueCertificate(Guid.NewGuid(), "1", "P", [], "dung-quat", Sector.Energy,
            Money.Usd(1m), 1m, Issued, 1, [new Milestone("M", Issued.PlusDays(-1))], null), Now);
        Assert.Equal("date.in_future", future.Refusal?.Code);
        Assert.Equal("certificate.milestone_before_issue", early.Refusal?.Code);
    }

    [Fact]
    public void amendments_are_numbered_and_move_the_capital_up_and_down_but_never_below_zero()
    {
        var c = Issue(1000m);
        c = Then(c, CertificateDecider.Amend(c, Amendment(10, 500.25m), Now));
        c = Then(c, CertificateDecider.Amend(c, Amendment(20, -1500m), Now));

        Assert.Equal([1, 2], c.Amendments.Select(a => a.Number));
        Assert.Equal(0.25m, c.CapitalUsd);
        Assert.Equal("certificate.capital_below_zero", CertificateDecider.Amend(c, Amendment(30, -0.26m), Now).Refusal?.Code);
        Assert.Equal("certificate.amendment_out_of_order", CertificateDecider.Amend(c, Amendment(19, 1m), Now).Refusal?.Code);
        Assert.Equal("certificate.date_before_issue", CertificateDecider.Amend(c, Amendment(-1, 1m), Now).Refusal?.Code);
    }

    [Fact]
    public void extensions_move_unmet_milestones_and_stop_at_24_months()
    {
        var c = Issue(1000m, new Milestone("Clearance", new LocalDate(2012, 6, 30)), new Milestone("Operation", new LocalDate(2013, 6, 30)));
        c = Then(c, CertificateDecider.Inspect(c, new(new LocalDate(2012, 6, 1), "tran", Progress.OnSchedule, Money.Usd(10m), ["Clearance"], "ok"), Now));
        c = Then(c, CertificateDecider.Amend(c, Amendment(200, months: 20), Now));

        Assert.Equal(new LocalDate(2012, 6, 30), c.Schedule[0].Due); // already met: not moved
        Assert.Equal(new LocalDate(2015, 2, 28), c.Schedule[1].Due);
        Assert.Equal(new LocalDate(2012, 6, 1), c.Schedule[0].MetOn);
        var refused = CertificateDecider.Amend(c, Amendment(300, months: 5), Now).Refusal;
        Assert.Equal("certificate.extension_limit", refused?.Code);
        Assert.Contains("Article 46(4)", refused?.Detail);
        Assert.Null(CertificateDecider.Amend(c, Amendment(300, months: 4), Now).Refusal);
    }

    [Fact]
    public void inspections_only_name_milestones_of_the_schedule()
    {
        var c = Issue();
        Assert.Equal("certificate.unknown_milestone",
            CertificateDecider.Inspect(c, new(Issued.PlusDays(5), "tran", Progress.Delayed, Money.Usd(1m), ["Moon base"], "x"), Now).Refusal?.Code);
    }

    [Fact]
    public void suspensions_alternate_with_resumptions_in_date_order()
    {
        var c = Issue();
        c = Then(c, CertificateDecider.Suspend(c, Issued.PlusDays(10), "unused land", Now));

        Assert.Equal(CertificateStatus.Suspended, c.Status);
        Assert.Equal("certificate.already_suspended", CertificateDecider.Suspend(c, Issued.PlusDays(11), "again", Now).Refusal?.Code);
        Assert.Equal("certificate.date_out_of_order", CertificateDecider.Resume(c, Issued.PlusDays(9), null, Now).Refusal?.Code);
        c = Then(c, CertificateDecider.Resume(c, Issued.PlusDays(40), null, Now));
        Assert.Equal((CertificateStatus.Active, Issued.PlusDays(40)), (c.Status, c.Suspensions[0].To));
        Assert.Equal("certificate.not_suspended", CertificateDecider.Resume(c, Issued.PlusDays(41), null, Now).Refusal?.Code);
    }

    [Fact]
    public void revocation_is_final()
    {
        var c = Issue();
        c = Then(c, CertificateDecider.Revoke(c, Issued.PlusDays(100), RevocationGround.CourtOrArbitration, "12/QĐ", null, Now));

        Assert.Equal(CertificateStatus.Revoked, c.Status);
        Assert.All(new[]
        {
            CertificateDecider.Amend(c, Amendment(200, 1m), Now),
            CertificateDecider.Inspect(c, new(Issued.PlusDays(200), "t", Progress.Stalled, Money.Usd(0m), [], "x"), Now),
            CertificateDecider.Suspend(c, Issued.PlusDays(200), "x", Now),
            CertificateDecider.Resume(c, Issued.PlusDays(200), null, Now),
            CertificateDecider.Revoke(c, Issued.PlusDays(200), RevocationGround.InvestorDecision, "1", null, Now),
        }, d => Assert.Equal("certificate.revoked", d.Refusal?.Code));
    }

    [Fact]
    public void a_revocation_may_not_predate_the_last_amendment_or_inspection()
    {
        var c = Issue();
        c = Then(c, CertificateDecider.Amend(c, Amendment(60, 10m), Now));
        Assert.Equal("certificate.date_out_of_order",
            CertificateDecider.Revoke(c, Issued.PlusDays(59), RevocationGround.InvestorDecision, "1", null, Now).Refusal?.Code);
        Assert.Null(CertificateDecider.Revoke(c, Issued.PlusDays(60), RevocationGround.InvestorDecision, "1", null, Now).Refusal);
    }

    [Fact]
    public void as_of_a_date_only_what_is_dated_on_or_before_it_counts()
    {
        var c = Issue(1000m);
        c = Then(c, CertificateDecider.Amend(c, Amendment(10, 500m) with { LandAreaHectares = 40m }, Now));
        c = Then(c, CertificateDecider.Suspend(c, Issued.PlusDays(20), "x", Now));
        c = Then(c, CertificateDecider.Revoke(c, Issued.PlusDays(30), RevocationGround.InvestorDecision, "1", null, Now));

        Assert.Equal((1000m, 28m, CertificateStatus.Active), (c.AsOf(Issued.PlusDays(9)).CapitalUsd, c.AsOf(Issued.PlusDays(9)).LandAreaHectares, c.AsOf(Issued.PlusDays(9)).Status));
        Assert.Equal((1500m, 40m, CertificateStatus.Suspended), (c.AsOf(Issued.PlusDays(25)).CapitalUsd, c.AsOf(Issued.PlusDays(25)).LandAreaHectares, c.AsOf(Issued.PlusDays(25)).Status));
        Assert.Equal(CertificateStatus.Revoked, c.AsOf(Issued.PlusDays(30)).Status);
    }
}
