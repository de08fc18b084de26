using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Domain.Tests.Leads;

public sealed class PipelineTests
{
    private static StageStay Stay(LeadStage stage, int from, int? to) =>
        new(stage, new LocalDate(2014, 1, 1).PlusDays(from), to is null ? null : new LocalDate(2014, 1, 1).PlusDays(to.Value));

    private static PipelineLead Lead(decimal usd, params StageStay[] stays) =>
        new(stays[^1].Stage, Pipeline.Furthest(stays), usd, stays);

    [Fact]
    public void an_empty_pipeline_has_no_conversion_and_no_median()
    {
        var figures = Pipeline.Summarise([]);
        Assert.Equal(0, figures.Leads);
        Assert.All(figures.Stages, s => Assert.Null(s.ConversionToNext));
        Assert.All(figures.Stages, s => Assert.Null(s.MedianDays));
    }

    [Fact]
    public void lost_leads_count_as_reached_up_to_where_they_were_lost_and_their_capital_stands_apart()
    {
        var figures = Pipeline.Summarise(
        [
            Lead(100m, Stay(LeadStage.Prospect, 0, 4), Stay(LeadStage.Engaged, 4, 10), Stay(LeadStage.Lost, 10, null)),
            Lead(200m, Stay(LeadStage.Prospect, 0, 6), Stay(LeadStage.Engaged, 6, null)),
            Lead(300m, Stay(LeadStage.Prospect, 0, null)),
            Lead(400m, Stay(LeadStage.Prospect, 0, 2), Stay(LeadStage.Commitment, 2, null)),
        ]);

        var stage = figures.Stages.ToDictionary(s => s.Stage);
        Assert.Equal((1, 100m), (figures.Lost, figures.LostEstimatedCapitalUsd));
        Assert.Equal(4, stage[LeadStage.Prospect].Reached);
        Assert.Equal(3, stage[LeadStage.Engaged].Reached); // the commitment skipped engaged but got past it
        Assert.Equal(0.75m, stage[LeadStage.Prospect].ConversionToNext);
        Assert.Equal(0.3333m, stage[LeadStage.Engaged].ConversionToNext);
        Assert.Equal(4m, stage[LeadStage.Prospect].MedianDays); // stays of 4, 6 and 2 days
        Assert.Equal(6m, stage[LeadStage.Engaged].MedianDays);
        Assert.Equal((1, 300m), (stage[LeadStage.Prospect].Current, stage[LeadStage.Prospect].EstimatedCapitalUsd));
    }

    [Fact]
    public void a_lead_moved_back_keeps_the_furthest_stage_it_reached() =>
        Assert.Equal(LeadStage.Commitment, Pipeline.Furthest([Stay(LeadStage.Commitment, 0, 3), Stay(LeadStage.Engaged, 3, null)]));

    [Theory]
    [InlineData(new[] { 5 }, 5)]
    [InlineData(new[] { 1, 2 }, 1.5)]
    [InlineData(new[] { 9, 1, 5 }, 5)]
    public void the_median_of_an_even_count_is_the_mean_of_the_middle_two(int[] values, double median) =>
        Assert.Equal((decimal)median, Pipeline.Median(values));
    [Fact]
    public void counted_leads_give_the_figures_of_the_leads_themselves()
    {
        // Issue 18: PostgreSQL counts a large zone's leads; the figures from the counts are those from the leads.
        PipelineLead[] leads =
        [
            Lead(100m, Stay(LeadStage.Prospect, 0, 4), Stay(LeadStage.Engaged, 4, 10), Stay(LeadStage.Lost, 10, null)) with
                { Loss = new LeadLoss(LossReason.AnotherCountry, true, "TH", null) },
            Lead(250m, Stay(LeadStage.Prospect, 0, 4), Stay(LeadStage.Lost, 4, null)),
            Lead(200m, Stay(LeadStage.Prospect, 0, 6), Stay(LeadStage.Engaged, 6, null)),
            Lead(300m, Stay(LeadStage.Prospect, 0, null)),
            Lead(400m, Stay(LeadStage.Prospect, 0, 2), Stay(LeadStage.Commitment, 2, null)),
        ];
        var counts = new PipelineCounts(
            [new(LeadStage.Lost, LeadStage.Engaged, 1, 100m), new(LeadStage.Lost, LeadStage.Prospect, 1, 250m), new(LeadStage.Engaged, LeadStage.Engaged, 1, 200m),
                new(LeadStage.Prospect, LeadStage.Prospect, 1, 300m), new(LeadStage.Commitment, LeadStage.Commitment, 1, 400m)],
            [new(LeadStage.Prospect, 4, 2), new(LeadStage.Prospect, 6, 1), new(LeadStage.Prospect, 2, 1), new(LeadStage.Engaged, 6, 1)],
            [new(new LeadLoss(LossReason.AnotherCountry, true, "TH", null), 1, 100m), new(null, 1, 250m)]);

        var expected = Pipeline.Summarise(leads);
        var counted = Pipeline.Summarise(counts);

        Assert.Equal(expected.Stages, counted.Stages);
        Assert.Equal((expected.Leads, expected.Lost, expected.LostEstimatedCapitalUsd), (counted.Leads, counted.Lost, counted.LostEstimatedCapitalUsd));
        Assert.Equal(expected.LostBy.ByReason, counted.LostBy.ByReason);
        Assert.Equal(expected.LostBy.ToCountries, counted.LostBy.ToCountries);
        Assert.Equal(4m, counted.Stages.Single(s => s.Stage == LeadStage.Prospect).MedianDays); // 2, 4, 4, 6
        Assert.Equal(1, counted.LostBy.ByReason.Single(r => r.Reason == LossReason.Other).WithoutReasonCode);
    }

    [Theory]
    [InlineData(new[] { 5 }, new[] { 3 }, 5)]
    [InlineData(new[] { 1, 2 }, new[] { 1, 1 }, 1.5)]
    [InlineData(new[] { 9, 1 }, new[] { 1, 2 }, 1)]
    [InlineData(new[] { 9, 1, 4 }, new[] { 2, 2, 0 }, 5)]
    public void the_median_of_counted_values_is_that_of_the_values_repeated(int[] values, int[] counts, double median) =>
        Assert.Equal((decimal)median, Pipeline.Median([.. values.Zip(counts)]));
}
