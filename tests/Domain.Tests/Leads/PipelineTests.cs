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
}
