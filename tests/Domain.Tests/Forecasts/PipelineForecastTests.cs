using Investment.Domain.Common;
using Investment.Domain.Forecasts;
using Investment.Domain.Leads;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Domain.Tests.Forecasts;

public sealed class PipelineForecastTests
{
    private static readonly Recording Admin = new("admin.tran", Instant.FromUtc(2014, 3, 1, 3, 0));

    [Fact]
    public void the_expected_capital_is_each_open_leads_estimate_times_its_stages_probability_rounded_per_lead()
    {
        ForecastLead[] leads = [new(LeadStage.Applied, 100.01m), new(LeadStage.Prospect, 1_000m), new(LeadStage.Lost, 5_000m), new(LeadStage.Certified, 7m)];
        // 100.01 × 0.85 = 85.0085 → 85.01; 1,000 × 0.05 = 50; lost and certified leads land no more.
        Assert.Equal(135.01m, PipelineForecast.Expected(leads, StageProbabilities.Default, 2014, new LocalDate(2014, 7, 5)));
        Assert.Equal(0.00m, PipelineForecast.Expected(leads, StageProbabilities.Default, 2014, new LocalDate(2015, 1, 1))); // the year is over
        Assert.Equal(0.00m, PipelineForecast.Expected(leads, StageProbabilities.Default, 2014, new LocalDate(2013, 12, 31))); // not begun
    }

    [Fact]
    public void the_status_goes_by_the_pipeline_when_open_leads_are_expected_and_says_so()
    {
        var status = TargetStatus.Evaluate(null, 10m, 2014, new LocalDate(2014, 7, 2));
        Assert.Equal((ForecastMethod.StraightLine, status.ForecastUsd), (status.ForecastUsed, status.ExpectedYearEndUsd));
        var withPipeline = status.WithPipeline(10m, 5m);
        Assert.Equal((ForecastMethod.Pipeline, 15.00m, 15.00m), (withPipeline.ForecastUsed, withPipeline.PipelineForecastUsd, withPipeline.ExpectedYearEndUsd));
        Assert.Equal(ForecastMethod.StraightLine, status.WithPipeline(10m, 0m).ForecastUsed);
    }

    [Fact]
    public void probabilities_are_versioned_and_read_as_known_at_an_instant()
    {
        var defaults = ZoneProbabilities.Defaults("dung-quat");
        var set = (StageProbabilitiesSet)ProbabilityDecider.Set(defaults, new(0.1m, 0.2m, 0.3m, 0.4m, 0.5m), " review ", Admin).Events.Single();
        var settings = defaults.Apply(set);
        Assert.Equal("review", set.Reason);
        Assert.Equal(StageProbabilities.Default, settings.KnownAt(Admin.At)); // recorded at that instant: not known before it
        Assert.Equal(0.5m, settings.KnownAt(Admin.At + Duration.FromSeconds(1)).Applied);
        Assert.Empty(ProbabilityDecider.Set(settings, new(0.1m, 0.2m, 0.3m, 0.4m, 0.5m), null, Admin).Events);
        // Setting the defaults themselves on a zone that has none yet records a version: the admin's decision is kept.
        Assert.Single(ProbabilityDecider.Set(defaults, StageProbabilities.Default, null, Admin).Events);
        Assert.False(ProbabilityDecider.IsShare(1.01m));
    }

    [Fact]
    public void the_forecast_reads_each_leads_stage_and_estimate_as_known_and_leaves_dormant_leads_out()
    {
        var early = Instant.FromUtc(2014, 2, 1, 0, 0);
        var late = Instant.FromUtc(2014, 8, 1, 0, 0);
        IEnumerable<LeadFact>[] logs =
        [
            [new(LeadFactKind.Opened, new(2014, 1, 10), early, EstimateUsd: 100m, Stage: LeadStage.Prospect),
             new(LeadFactKind.StageChanged, new(2014, 7, 20), late, Stage: LeadStage.Applied),
             new(LeadFactKind.EstimateRevised, new(2014, 7, 20), late, EstimateUsd: 200m)],
            [new(LeadFactKind.Opened, new(2011, 1, 10), early, EstimateUsd: 1_000m)], // dormant since 2011
        ];
        Assert.Equal([new ForecastLead(LeadStage.Prospect, 100m)], LeadFact.ActiveIn(logs, 2014, Instant.FromUtc(2014, 7, 1, 0, 0)));
        Assert.Equal([new ForecastLead(LeadStage.Applied, 200m)], LeadFact.ActiveIn(logs, 2014, Instant.MaxValue));
    }
}
