using Investment.Domain.Investors;
using Investment.Domain.Reports;
using Investment.Domain.Targets;
using NodaTime;

namespace Investment.Domain.Tests.Reports;

public sealed class AttractedCapitalTests
{
    private static readonly Instant July = Instant.FromUtc(2014, 7, 1, 0, 0);

    private static CapitalMovement Move(MovementKind kind, string on, decimal usd, string country = "JP", Sector sector = Sector.Energy,
        string zone = "dung-quat", Instant? recorded = null) =>
        new(Guid.NewGuid(), "N", "P", zone, sector, country, kind, kind == MovementKind.NewCertificate ? null : 1,
            NodaTime.Text.LocalDatePattern.Iso.Parse(on).Value, usd, recorded ?? July);

    private static readonly CapitalMovement[] Movements =
    [
        Move(MovementKind.NewCertificate, "2014-02-01", 100m),
        Move(MovementKind.NewCertificate, "2014-03-01", 50m, "KR", Sector.HeavyIndustry),
        Move(MovementKind.CapitalIncrease, "2014-04-01", 20m),
        Move(MovementKind.CapitalReduction, "2014-05-01", -5m, "KR", Sector.HeavyIndustry),
        Move(MovementKind.OtherAmendment, "2014-05-02", 0m),
        Move(MovementKind.Revocation, "2014-06-01", 45m, "KR", Sector.HeavyIndustry),
        Move(MovementKind.NewCertificate, "2013-12-31", 999m),
        Move(MovementKind.NewCertificate, "2014-02-01", 999m, zone: "tinh-phong"),
        Move(MovementKind.NewCertificate, "2014-06-15", 7m, recorded: Instant.FromUtc(2014, 8, 1, 0, 0)),
    ];

    [Fact]
    public void attracted_capital_adds_new_and_additional_capital_and_keeps_revocations_beside_it()
    {
        var figures = AttractedCapital.Compute(Movements, "dung-quat", new LocalDate(2014, 1, 1), new LocalDate(2014, 12, 31), Instant.MaxValue,
            CountingRule.NewPlusAdditional2014);

        Assert.Equal(172m, figures.AttractedUsd);
        Assert.Equal((3, 157m), (figures.NewCertificates, figures.NewCapitalUsd));
        Assert.Equal(3, figures.Amendments);
        Assert.Equal((1, 20m), (figures.CapitalIncreaseAmendments, figures.CapitalAddedUsd));
        Assert.Equal((1, 5m), (figures.CapitalReductionAmendments, figures.CapitalReducedUsd)); // positive, named as reduced
        Assert.Equal(1, figures.OtherAmendments);
        Assert.Equal(figures.AttractedUsd, figures.NewCapitalUsd + figures.CapitalAddedUsd - figures.CapitalReducedUsd);
        Assert.Equal("172.00", figures.AttractedUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((1, 45m), (figures.Revocations, figures.RevokedCapitalUsd));
        Assert.Equal(figures.AttractedUsd, figures.Lines.Sum(l => l.AmountUsd));
        Assert.Equal(figures.AttractedUsd, figures.ByCountry.Sum(c => c.AttractedUsd));
        Assert.Equal(figures.AttractedUsd, figures.BySector.Sum(c => c.AttractedUsd));
        Assert.Equal(127m, figures.ByCountry.Single(c => c.Country == "JP").AttractedUsd);
    }

    [Fact]
    public void as_known_before_a_late_entry_was_recorded_the_figure_leaves_it_out()
    {
        var then = AttractedCapital.Compute(Movements, "dung-quat", new LocalDate(2014, 1, 1), new LocalDate(2014, 6, 30), Instant.FromUtc(2014, 7, 5, 17, 0),
            CountingRule.NewPlusAdditional2014);
        Assert.Equal(165m, then.AttractedUsd);
    }

    [Fact]
    public void the_rule_is_named_and_chosen_by_year()
    {
        Assert.Equal("vn-2014-new-plus-additional", CountingRule.For(2014).Code);
        Assert.False(CountingRule.NewPlusAdditional2014.Counts(Move(MovementKind.Revocation, "2014-01-01", 1m)));
    }
}

public sealed class TargetStatusTests
{
    private static readonly TargetRange Plan = new(100m, 150m, "25/QĐ-UBND", new LocalDate(2014, 1, 8));

    [Theory]
    [InlineData(99, TargetPosition.Below)]
    [InlineData(100, TargetPosition.Within)]
    [InlineData(150, TargetPosition.Within)]
    [InlineData(151, TargetPosition.Above)]
    public void the_position_is_read_against_the_range(int attracted, TargetPosition position) =>
        Assert.Equal(position, TargetStatus.Evaluate(Plan, attracted, 2014, new LocalDate(2014, 12, 31)).Position);

    [Fact]
    public void pace_forecast_and_what_is_still_needed_follow_the_share_of_the_year_gone_by()
    {
        var midYear = TargetStatus.Evaluate(Plan, 60m, 2014, new LocalDate(2014, 7, 5));
        Assert.Equal((0.5096m, true, 117.74m, 40m), (midYear.YearElapsed, midYear.OnPace, midYear.ForecastUsd, midYear.StillNeededUsd));

        var before = TargetStatus.Evaluate(Plan, 0m, 2015, new LocalDate(2014, 7, 5));
        Assert.Equal((0m, true, 0m), (before.YearElapsed, before.OnPace, before.ForecastUsd));

        var after = TargetStatus.Evaluate(Plan, 120m, 2013, new LocalDate(2014, 7, 5));
        Assert.Equal((1m, 120m, 0m), (after.YearElapsed, after.ForecastUsd, after.StillNeededUsd));

        var none = TargetStatus.Evaluate(null, 5m, 2014, new LocalDate(2014, 7, 5));
        Assert.Equal((TargetPosition.NoTarget, (bool?)null, (decimal?)null), (none.Position, none.OnPace, none.StillNeededUsd));
    }
}

public sealed class LeadFiguresTests
{
    private static readonly Instant Early = Instant.FromUtc(2014, 1, 1, 0, 0);

    [Fact]
    public void contacts_count_on_their_corrected_date_and_not_once_withdrawn_as_known_then()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var facts = new[]
        {
            new LeadFact(LeadFactKind.Opened, new LocalDate(2014, 2, 1), Early),
            new LeadFact(LeadFactKind.Lost, new LocalDate(2014, 8, 1), Early.Plus(Duration.FromDays(220))),
            new LeadFact(LeadFactKind.ContactLogged, new LocalDate(2014, 3, 1), Early, a),
            new LeadFact(LeadFactKind.ContactLogged, new LocalDate(2014, 3, 2), Early, b),
            new LeadFact(LeadFactKind.ContactWithdrawn, new LocalDate(2014, 3, 2), Early.Plus(Duration.FromDays(100)), b),
            new LeadFact(LeadFactKind.ContactLogged, new LocalDate(2014, 3, 3), Early, c),
            new LeadFact(LeadFactKind.ContactCorrected, new LocalDate(2014, 7, 3), Early.Plus(Duration.FromDays(100)), c),
        };
        var half = (new LocalDate(2014, 1, 1), new LocalDate(2014, 6, 30));

        var now = LeadFigures.Count([facts], half.Item1, half.Item2, Instant.MaxValue);
        var before = LeadFigures.Count([facts], half.Item1, half.Item2, Early.Plus(Duration.FromDays(50)));

        Assert.Equal((1, 0, 0, 1), (now.Opened, now.Certified, now.Lost, now.ContactsLogged));
        Assert.Equal((1, 0, 0, 3), (before.Opened, before.Certified, before.Lost, before.ContactsLogged));
    }

    [Fact]
    public void a_lead_lost_reopened_and_lost_again_in_a_period_is_one_lead_lost()
    {
        var lostTwice = new[]
        {
            new LeadFact(LeadFactKind.Opened, new LocalDate(2014, 2, 1), Early),
            new LeadFact(LeadFactKind.Lost, new LocalDate(2014, 3, 1), Early),
            new LeadFact(LeadFactKind.Lost, new LocalDate(2014, 5, 1), Early),
        };
        var lostOnce = new[] { new LeadFact(LeadFactKind.Lost, new LocalDate(2014, 4, 1), Early) };

        var figures = LeadFigures.Count([lostTwice, lostOnce], new LocalDate(2014, 1, 1), new LocalDate(2014, 6, 30), Instant.MaxValue);

        Assert.Equal(2, figures.Lost);
        Assert.Equal(1, figures.Opened);
    }
}
