using System.Globalization;
using Npgsql;

namespace Investment.Bench;

/// <summary>
/// Where a scenario's CPU went, per request: the API process, the load generator (this process), and the rest of the
/// machine, which during a run is PostgreSQL (its backends, WAL writer and checkpointer). Read from /proc, so it costs
/// nothing while the load runs.
/// </summary>
public sealed record CpuShare(double ApiMs, double LoadMs, double RestMs, double BusyPercent)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ApiMs:F2} | {RestMs:F2} | {LoadMs:F2} | {BusyPercent:F0} %");
}

public sealed class CpuMeter(Func<int?> apiProcess)
{
    /// <summary>Two measurements of the same scenario as one, weighted by their requests.</summary>
    public static CpuShare Merge(CpuShare a, int aRequests, CpuShare b, int bRequests)
    {
        double W(double x, double y) => (x * aRequests + y * bRequests) / Math.Max(1, aRequests + bRequests);
        return new(W(a.ApiMs, b.ApiMs), W(a.LoadMs, b.LoadMs), W(a.RestMs, b.RestMs), (a.BusyPercent + b.BusyPercent) / 2);
    }

    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ is 100 on Linux

    private (long Busy, long Total, long Api, double LoadMs) started;

    public void Start() => started = Sample();

    public CpuShare Stop(int requests)
    {
        var now = Sample();
        var per = Math.Max(1, requests);
        var busyMs = (now.Busy - started.Busy) / TicksPerMs;
        var apiMs = (now.Api - started.Api) / TicksPerMs;
        var loadMs = now.LoadMs - started.LoadMs;
        return new(apiMs / per, loadMs / per, Math.Max(0, busyMs - apiMs - loadMs) / per,
            100.0 * (now.Busy - started.Busy) / Math.Max(1, now.Total - started.Total));
    }

    private (long Busy, long Total, long Api, double LoadMs) Sample()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var busy = total - fields[3] - fields[4];
        long api = 0;
        if (apiProcess() is { } pid && File.Exists($"/proc/{pid}/stat"))
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var after = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            api = long.Parse(after[11], CultureInfo.InvariantCulture) + long.Parse(after[12], CultureInfo.InvariantCulture); // utime, stime
        }
        return (busy, total, api, System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    }
}

/// <summary>
/// With --profile: the statements PostgreSQL spent its time on during a scenario (pg_stat_statements), per request.
/// The extension has to be preloaded, so the profile restarts the benchmark's cluster with it once.
/// </summary>
public static class Statements
{
    /// <summary>Adds the extension to shared_preload_libraries; true when the cluster has to restart to load it.</summary>
    public static async Task<bool> NeedsRestart(string server)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var check = new NpgsqlCommand("show shared_preload_libraries", admin);
        if (((string)(await check.ExecuteScalarAsync())!).Contains("pg_stat_statements", StringComparison.Ordinal)) return false;
        await using var set = new NpgsqlCommand("alter system set shared_preload_libraries = 'pg_stat_statements'", admin);
        await set.ExecuteNonQueryAsync();
        return true;
    }

    public static async Task Create(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("create extension if not exists pg_stat_statements", connection);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task Reset(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var reset = new NpgsqlCommand("select pg_stat_statements_reset()", connection);
        await reset.ExecuteNonQueryAsync();
    }

    /// <summary>The statements that took most of the server's time, as "calls per request · ms per request · text".</summary>
    public static async Task<List<string>> Top(string database, int requests, int count = 8)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var top = new NpgsqlCommand("""
            select calls, total_exec_time, regexp_replace(query, '\s+', ' ', 'g') from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
            order by total_exec_time desc limit $1
            """, connection);
        top.Parameters.Add(new NpgsqlParameter { Value = count });
        await using var reader = await top.ExecuteReaderAsync();
        var lines = new List<string>();
        var per = Math.Max(1, requests);
        while (await reader.ReadAsync())
        {
            var text = reader.GetString(2);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetInt64(0) / (double)per:F2} calls · {reader.GetDouble(1) / per:F3} ms · {(text.Length > 160 ? text[..160] + "…" : text)}"));
        }
        return lines;
    }
}
