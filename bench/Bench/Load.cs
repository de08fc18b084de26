using System.Diagnostics;

namespace Investment.Bench;

/// <summary>The figures of one closed-loop run: each client sends its next request as soon as the last one answered.</summary>
public sealed record LoadResult(string Scenario, int Clients, double PerSecond, double P50Ms, double P99Ms, int Errors, int Requests,
    IReadOnlyList<double>? SortedLatencies = null)
{
    public static LoadResult Of(string scenario, int clients, TimeSpan elapsed, List<double> latencies, int errors)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new(scenario, clients, latencies.Count / elapsed.TotalSeconds, At(0.5), At(0.99), errors, latencies.Count + errors, latencies);
    }

    /// <summary>Two runs of the same scenario (the halves of an alternated comparison) as one: their requests over their time.</summary>
    public static LoadResult Merge(LoadResult a, LoadResult b)
    {
        var seconds = (a.Requests - a.Errors) / Math.Max(a.PerSecond, 1e-9) + (b.Requests - b.Errors) / Math.Max(b.PerSecond, 1e-9);
        return Of(a.Scenario, a.Clients, TimeSpan.FromSeconds(Math.Max(seconds, 1e-3)), [.. a.SortedLatencies ?? [], .. b.SortedLatencies ?? []], a.Errors + b.Errors);
    }
}

public static class Load
{
    /// <summary>Runs <paramref name="clients"/> loops of <paramref name="call"/> for <paramref name="duration"/>; a call returns false for an error.</summary>
    public static async Task<LoadResult> Run(string scenario, int clients, TimeSpan duration, Func<int, Task<bool>> call)
    {
        var latencies = new List<double>[clients];
        var errors = new int[clients];
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            var random = new Random(c * 7919 + scenario.Length);
            while (deadline.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await call(random.Next());
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
                {
                    ok = false;
                }
                if (ok) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else errors[c]++;
            }
        })));
        return LoadResult.Of(scenario, clients, deadline.Elapsed, [.. latencies.SelectMany(l => l)], errors.Sum());
    }
}
