using Investment.Domain.Common;
using Investment.Domain.Targets;
using NodaTime;

namespace Investment.Domain.Tests.Targets;

public sealed class TargetDeciderTests
{
    private static readonly Recording Now = new("admin.tran", Instant.FromUtc(2014, 7, 5, 3, 0));
    private static readonly TargetRange Plan = new(100_000_000m, 150_000_000m, " 25/QĐ-UBND ", new LocalDate(2014, 1, 8));

    [Fact]
    public void the_first_target_is_set_and_later_ones_revise_it_while_the_same_range_records_nothing()
    {
        var set = Assert.IsType<TargetSet>(Assert.Single(TargetDecider.Set("dung-quat", 2014, null, Plan, null, Now).Events));
        Assert.Equal("25/QĐ-UBND", set.Range.Decision);
        Assert.Equal(TargetDecider.IdOf("dung-quat", 2014), set.TargetId);

        var target = Target.Create(set);
        Assert.Empty(TargetDecider.Set("dung-quat", 2014, target, Plan, null, Now).Events);
        var revised = Assert.IsType<TargetRevised>(Assert.Single(TargetDecider.Set("dung-quat", 2014, target, Plan with { MinimumUsd = 120_000_000m }, " review ", Now).Events));
        Assert.Equal("review", revised.Reason);
        Assert.Equal([1, 2], target.Apply(revised).Versions.Select(v => v.Number));
    }

    [Fact]
    public void an_inverted_range_or_a_future_decision_is_refused()
    {
        Assert.Equal("target.invalid_range", TargetDecider.Set("dung-quat", 2014, null, Plan with { MinimumUsd = 200_000_000m }, null, Now).Refusal?.Code);
        Assert.Equal("date.in_future", TargetDecider.Set("dung-quat", 2014, null, Plan with { DecidedOn = new LocalDate(2014, 7, 6) }, null, Now).Refusal?.Code);
    }
}
