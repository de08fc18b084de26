using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Tests.Certificates;

/// <summary>JFE joined Guang Lian in 2008 and withdrew in 2014; projects are transferred between investors.</summary>
public sealed class InvestorChangeTests
{
    private static readonly Recording Now = new("officer.nguyen", Instant.FromUtc(2016, 6, 1, 3, 0));
    private static readonly CertificateInvestor GuangLian = new(Guid.NewGuid(), "Guang Lian Steel", "TW");
    private static readonly CertificateInvestor Jfe = new(Guid.NewGuid(), "JFE Steel", "JP", 20m);

    private static Certificate Issue() => Certificate.Create(Assert.IsType<CertificateIssued>(Assert.Single(CertificateDecider.Issue(
        new(Guid.NewGuid(), "341043000019", "Guang Lian steel mill", [GuangLian], "dung-quat", Sector.SteelAndMetallurgy, Money.Usd(556_000_000m), 200m,
            new LocalDate(2006, 11, 22), 50, [], null, PlannedEmployees: 5000), Now).Events)));

    private static Decision Change(Certificate c, string on, IReadOnlyList<CertificateInvestor>? joining = null, IReadOnlyList<Guid>? leaving = null,
        int? planned = null) =>
        CertificateDecider.Amend(c, new(NodaTime.Text.LocalDatePattern.Iso.Parse(on).Value, null, null, 0, null, null, "Investors changed.",
            joining, leaving, planned), Now);

    private static Certificate Then(Certificate c, Decision d) => c.Apply(Assert.IsType<CertificateAmended>(Assert.Single(d.Events)));

    [Fact]
    public void an_investor_joins_with_its_share_and_withdraws_later_and_the_investors_are_known_as_of_any_date()
    {
        var c = Issue();
        var joined = Change(c, "2008-05-14", joining: [Jfe]);
        Assert.Equal(InvestorChangeKind.Joined, Assert.IsType<CertificateAmended>(joined.Events[0]).Investors!.Kind);
        c = Then(c, joined);
        var withdrew = Change(c, "2014-09-15", leaving: [Jfe.InvestorId]);
        Assert.Equal(InvestorChangeKind.Left, Assert.IsType<CertificateAmended>(withdrew.Events[0]).Investors!.Kind);
        c = Then(c, withdrew);

        Assert.Equal(["Guang Lian Steel"], c.Investors.Select(i => i.Name));
        Assert.Equal(["Guang Lian Steel", "JFE Steel"], c.AsOf(new LocalDate(2014, 9, 14)).Investors.Select(i => i.Name));
        Assert.Equal(20m, c.AsOf(new LocalDate(2010, 1, 1)).Investors[1].SharePercent);
        Assert.Equal(["Guang Lian Steel"], c.AsOf(new LocalDate(2008, 5, 13)).Investors.Select(i => i.Name));
        Assert.Equal(["Guang Lian Steel"], c.InvestorsAsIssued!.Select(i => i.Name));
    }

    [Fact]
    public void a_transfer_replaces_every_investor()
    {
        var c = Issue();
        var buyer = new CertificateInvestor(Guid.NewGuid(), "Hoa Phat", "VN", 100m);
        var transfer = Change(c, "2015-01-10", joining: [buyer], leaving: [GuangLian.InvestorId]);
        var change = Assert.IsType<CertificateAmended>(transfer.Events[0]).Investors!;
        Assert.Equal(InvestorChangeKind.Replaced, change.Kind);
        Assert.Equal("Guang Lian Steel", Assert.Single(change.Left).Name);
        Assert.Equal(["Hoa Phat"], Then(c, transfer).Investors.Select(i => i.Name));
    }

    [Fact]
    public void only_an_investor_of_the_certificate_leaves_only_another_joins_one_remains_and_shares_stay_within_100_percent()
    {
        var c = Then(Issue(), Change(Issue(), "2008-05-14", joining: [Jfe]));
        Assert.Equal("certificate.investor_not_party", Change(c, "2009-01-01", leaving: [Guid.NewGuid()]).Refusal?.Code);
        Assert.Equal("certificate.investor_already_party", Change(c, "2009-01-01", joining: [Jfe]).Refusal?.Code);
        Assert.Equal("certificate.no_investor_left", Change(c, "2009-01-01", leaving: [GuangLian.InvestorId, Jfe.InvestorId]).Refusal?.Code);
        Assert.Equal("certificate.shares_above_100",
            Change(c, "2009-01-01", joining: [new CertificateInvestor(Guid.NewGuid(), "X", "KR", 80.01m)]).Refusal?.Code);
    }

    [Fact]
    public void planned_jobs_are_as_issued_until_an_amendment_changes_them()
    {
        var c = Issue();
        Assert.Equal(5000, c.PlannedEmployees);
        c = Then(c, Change(c, "2008-05-14", planned: 7000));
        Assert.Equal(7000, c.PlannedEmployees);
        Assert.Equal(5000, c.AsOf(new LocalDate(2008, 5, 13)).PlannedEmployees);
    }

    [Fact]
    public void the_realised_capital_is_the_latest_inspection_s_disbursed_so_far_to_date_and_as_of_any_date()
    {
        var c = Issue();
        Assert.Equal((0.00m, 0m), (c.RealisedUsd, c.RealisationRate));
        c = c.Apply(Assert.IsType<CertificateInspected>(Assert.Single(CertificateDecider.Inspect(c,
            new(new LocalDate(2010, 6, 1), "t", Progress.Delayed, Money.Usd(139_000_000m), [], "Piling.", 800, 40), Now).Events)));
        c = c.Apply(Assert.IsType<CertificateInspected>(Assert.Single(CertificateDecider.Inspect(c,
            new(new LocalDate(2014, 9, 30), "t", Progress.Stalled, Money.Usd(250_000_000m), [], "Idle."), Now).Events)));

        Assert.Equal("250000000.00", c.RealisedUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.4496m, c.RealisationRate); // 250 / 556
        Assert.Equal(139_000_000m, c.AsOf(new LocalDate(2014, 9, 29)).RealisedUsd);
        Assert.Equal(0.2500m, c.AsOf(new LocalDate(2014, 9, 29)).RealisationRate);
        Assert.Equal((800, 40), (c.AsOf(new LocalDate(2014, 1, 1)).LastInspection!.VietnameseEmployees, c.AsOf(new LocalDate(2014, 1, 1)).LastInspection!.ForeignEmployees));
    }
}
