using NodaTime;
using Investment.Api.Reports;
using Investment.Domain.Reports;

namespace Investment.Api.Tests.Reports;

/// <summary>The cache behind a zone's progress "as known now" (the API behaviour is in ProgressTests).</summary>
public sealed class ProgressCacheTests
{
    private static readonly LocalDate Today = new(2014, 7, 5);

    private static ZoneProgress Progress(decimal attracted) => new("dung-quat", 2014, null, Today, CountingRule.For(2014), null,
        TargetStatus.Evaluate(null, attracted, 2014, Today), attracted, 0, 0m, 0, 0, 0m, 0, 0m, 0, 0, 0m, [], [],
        new RealisedCapital(0m, 0m, null, 0m), new JobFigures(0, 0, 0, 0, 0));

    [Fact]
    public async Task a_crowd_of_readers_missing_the_cache_at_once_computes_the_answer_once()
    {
        var cache = new ProgressCache();
        var computations = 0;
        var release = new TaskCompletionSource();
        async Task<(ZoneProgress?, string?)> Compute()
        {
            Interlocked.Increment(ref computations);
            await release.Task;
            return (Progress(112m), null);
        }

        var readers = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => cache.Answer("dung-quat", 2014, new ProgressCache.Dependency(7, 1), Today, Compute, CancellationToken.None)))
            .ToList();
        await Task.Delay(100);
        release.SetResult();
        var answers = await Task.WhenAll(readers);

        Assert.Equal(1, computations);
        Assert.All(answers, a => Assert.Equal(112m, a.Answer!.AttractedUsd));
    }

    [Fact]
    public async Task a_moved_ledger_or_target_or_a_new_day_computes_again_and_an_older_reader_takes_the_newer_answer()
    {
        var cache = new ProgressCache();
        var computed = 0m;
        Task<(ZoneProgress?, string?)> Compute() => Task.FromResult<(ZoneProgress?, string?)>((Progress(++computed), null));
        async Task<decimal> Read(long position, long target, LocalDate today) =>
            (await cache.Answer("dung-quat", 2014, new ProgressCache.Dependency(position, target), today, Compute, CancellationToken.None)).Answer!.AttractedUsd;

        Assert.Equal(1m, await Read(7, 1, Today));
        Assert.Equal(1m, await Read(7, 1, Today));
        Assert.Equal(2m, await Read(8, 1, Today));
        Assert.Equal(2m, await Read(7, 1, Today)); // a reader that saw the ledger at 7 may be answered as of 8
        Assert.Equal(3m, await Read(8, 2, Today));
        Assert.Equal(4m, await Read(8, 2, Today.PlusDays(1)));
    }

    [Fact]
    public async Task a_refusal_is_not_kept()
    {
        var cache = new ProgressCache();
        var computations = 0;
        Task<(ZoneProgress?, string?)> Unknown()
        {
            computations++;
            return Task.FromResult<(ZoneProgress?, string?)>((null, "unknown zone"));
        }

        var first = await cache.Answer("nowhere", 2014, new ProgressCache.Dependency(7, 0), Today, Unknown, CancellationToken.None);
        await cache.Answer("nowhere", 2014, new ProgressCache.Dependency(7, 0), Today, Unknown, CancellationToken.None);

        Assert.Equal("unknown zone", first.Refusal);
        Assert.Equal(2, computations);
    }
}
