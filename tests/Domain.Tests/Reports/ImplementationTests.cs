using Investment.Domain.Investors;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Domain.Tests.Reports;

public sealed class ImplementationTests
{
    private static readonly Instant Recorded = Instant.FromUtc(2014, 1, 1, 0, 0);
    private static readonly Instant Late = Instant.FromUtc(2015, 3, 1, 0, 0);

    private static LocalDate D(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    private static CapitalMovement Move(Guid id, MovementKind kind, string on, decimal usd) =>
        new(id, "N", "P", "dung-quat", Sector.Energy, "JP", kind, null, D(on), usd, Recorded);

    private static ImplementationFacts Certificate(string number, IReadOnlyList<CapitalMovement> movements, IReadOnlyList<InspectionFact> inspections,
        IReadOnlyList<PlannedJobsFact>? planned = null, string zone = "dung-quat") =>
        new(movements[0].CertificateId, number, "P " + number, zone, movements, inspections, planned ?? []);

    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    private static readonly ImplementationFacts[] Zone =
    [
        Certificate("A", [Move(A, MovementKind.NewCertificate, "2012-03-01", 100m), Move(A, MovementKind.CapitalIncrease, "2014-02-01", 100m)],
            [new(D("2013-12-01"), Recorded, 10m, 50, 5), new(D("2014-06-01"), Recorded, 60m, 120, 8)],
            [new(D("2012-03-01"), Recorded, 200), new(D("2014-02-01"), Recorded, 300)]),
        Certificate("B", [Move(B, MovementKind.NewCertificate, "2014-04-01", 50m)],
            [new(D("2014-10-01"), Recorded, 5m, null, null), new(D("2014-11-01"), Late, 25m, 30, 0)],
            [new(D("2014-04-01"), Recorded, 40)]),
        // Revoked in 2014: out of the cumulative figures at the year's end; what it disbursed in the year still counts.
        Certificate("C", [Move(C, MovementKind.NewCertificate, "2011-01-01", 40m), Move(C, MovementKind.Revocation, "2014-08-01", 40m)],
            [new(D("2013-01-01"), Recorded, 4m, 10, 0), new(D("2014-03-01"), Recorded, 8m, 12, 0)]),
        Certificate("Z", [Move(Guid.NewGuid(), MovementKind.NewCertificate, "2014-01-01", 999m)], [new(D("2014-06-01"), Recorded, 999m, 9, 9)], zone: "tinh-phong"),
        Certificate("Later", [Move(Guid.NewGuid(), MovementKind.NewCertificate, "2015-01-02", 999m)], []),
    ];

    [Fact]
    public void realised_capital_is_cumulative_over_the_certificates_in_force_and_grows_in_the_period_over_all_of_them()
    {
        var figures = ImplementationFigures.Compute(Zone, "dung-quat", D("2014-01-01"), D("2014-12-31"), Instant.MaxValue);

        Assert.Equal(250m, figures.Realised.RegisteredUsd); // A 200 + B 50; C revoked, Z elsewhere, Later not yet issued
        Assert.Equal(85m, figures.Realised.RealisedUsd); // A 60 + B 25
        Assert.Equal(0.34m, figures.Realised.RealisationRate);
        Assert.Equal(79m, figures.Realised.RealisedInPeriodUsd); // A 50 + B 25 + C 4
        Assert.Equal("85.00", figures.Realised.RealisedUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["A", "B", "C"], figures.Lines.Select(l => l.CertificateNumber));
        Assert.Equal(figures.Realised.RealisedInPeriodUsd, figures.Lines.Sum(l => l.RealisedInPeriodUsd));
        Assert.Equal(figures.Realised.RealisedUsd, figures.Lines.Where(l => l.InForce).Sum(l => l.RealisedUsd));
    }

    [Fact]
    public void jobs_are_planned_by_certificates_and_amendments_and_counted_by_the_latest_inspection_that_counted_them()
    {
        var figures = ImplementationFigures.Compute(Zone, "dung-quat", D("2014-01-01"), D("2014-12-31"), Instant.MaxValue);

        Assert.Equal(340, figures.Jobs.PlannedEmployees); // A 300 + B 40
        Assert.Equal(140, figures.Jobs.PlannedInPeriod); // A +100 by amendment, B 40 new (C planned nothing)
        Assert.Equal((150, 8, 158), (figures.Jobs.VietnameseEmployees, figures.Jobs.ForeignEmployees, figures.Jobs.Employees)); // A 120+8, B 30+0
    }

    [Fact]
    public void as_known_before_a_late_inspection_was_recorded_the_figures_leave_it_out()
    {
        var then = ImplementationFigures.Compute(Zone, "dung-quat", D("2014-01-01"), D("2014-12-31"), Instant.FromUtc(2015, 1, 1, 0, 0));

        Assert.Equal(65m, then.Realised.RealisedUsd); // B's November inspection was recorded in March 2015
        Assert.Equal((120, 8), (then.Jobs.VietnameseEmployees, then.Jobs.ForeignEmployees)); // B's October inspection counted nobody
    }

    [Fact]
    public void the_first_half_ends_on_30_june_and_nothing_registered_has_no_rate()
    {
        var half = ImplementationFigures.Compute(Zone, "dung-quat", D("2014-01-01"), D("2014-06-30"), Instant.MaxValue);
        Assert.Equal((290m, 68m, 0.2345m), (half.Realised.RegisteredUsd, half.Realised.RealisedUsd, half.Realised.RealisationRate!.Value)); // C not yet revoked, B not yet inspected
        Assert.Null(ImplementationFigures.Compute(Zone, "vsip-quang-ngai", D("2014-01-01"), D("2014-12-31"), Instant.MaxValue).Realised.RealisationRate);
    }
}
