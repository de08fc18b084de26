using System.Text;
using Investment.Api.Reports;
using Investment.Domain.Investors;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Api.Tests.Reports;

public sealed class ReportCsvTests
{
    [Fact]
    public void text_that_excel_would_run_as_a_formula_is_kept_text_and_numbers_stay_numbers()
    {
        var reduction = new CapitalMovement(Guid.NewGuid(), "N1", "-2+cmd|'/C calc'!A0", "dung-quat", Sector.Energy, "VN", MovementKind.CapitalReduction, 1,
            new LocalDate(2014, 3, 1), -5m, Instant.FromUtc(2014, 3, 1, 0, 0));
        var figures = AttractedCapital.Compute([reduction], "dung-quat", new LocalDate(2014, 1, 1), new LocalDate(2014, 12, 31), Instant.MaxValue,
            CountingRule.NewPlusAdditional2014);
        var report = new ZoneReport("dung-quat", 2014, "year", new LocalDate(2014, 1, 1), new LocalDate(2014, 12, 31), null, figures.Rule, null,
            TargetStatus.Evaluate(null, figures.AttractedUsd, 2014, new LocalDate(2014, 12, 31)), figures.AttractedUsd, [], 0, 0m, [reduction], 0, 0m, 1, 5m, 0, [], 0m,
            new LeadFigures(0, 0, 0, 0), figures.ByCountry, figures.BySector, new RealisedCapital(0m, 0m, null, 0m), new JobFigures(0, 0, 0, 0, 0));

        var lines = Encoding.UTF8.GetString(ReportCsv.Write(report)[3..]).Split("\r\n");

        Assert.Contains("capitalReduction,1,2014-03-01,N1,'-2+cmd|'/C calc'!A0,VN,energy,,5", lines); // positive, in a row named as reduced
        Assert.Contains("summary,attracted,,,,,,,-5.00", lines);
    }
}
