using Investment.Domain.Targets;

namespace Investment.Api.Targets;

/// <summary>The plan's one number: Dung Quat, 2014, USD 100–150 million (Decision 25/QĐ-UBND of 08/01/2014).</summary>
public static class TargetSeed
{
    public static IEnumerable<Seed> Streams =>
    [
        new(TargetDecider.IdOf("dung-quat", 2014), recording =>
            [.. TargetDecider.Set("dung-quat", 2014, null, new TargetRange(100_000_000m, 150_000_000m, "25/QĐ-UBND", new LocalDate(2014, 1, 8)), null, recording).Events]),
    ];
}
