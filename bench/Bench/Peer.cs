using System.Diagnostics;
using System.Globalization;
using Investment.Api.EventStore;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using JasperFx.Events;
using Marten;
using NodaTime;
using Npgsql;

namespace Investment.Bench;

/// <summary>A process whose CPU and peak memory a scenario measures: the API or its CRUD peer.</summary>
public interface IMeasuredProcess
{
    int? ProcessId { get; }
    void ResetPeak();
    double PeakMegabytes();
}

/// <summary>
/// The CRUD peer of issue 18 (bench/Peer: EF Core + Npgsql, what a team would write instead) as a process of its own, on
/// loopback, with the API's JWT settings and runtime settings. Its tables live in schema "peer" of the benchmark's
/// database, copied from the same events the API's read models are built from.
/// </summary>
public sealed class PeerRunner(string database, string signingKey) : IMeasuredProcess
{
    private static readonly string Published = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "peer"));
    private static string Folder => File.Exists(Path.Combine(Published, "Investment.Bench.Peer.dll")) ? Published
        : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Peer", "bin", "Release", "net10.0"));
    private Process? process;

    public int Port { get; } = FreePort();

    public int? ProcessId => process?.Id;

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Creates the peer's schema and copies the business data into it; answers the time it took.</summary>
    public async Task<TimeSpan> Setup()
    {
        var clock = Stopwatch.StartNew();
        using var run = Process.Start(Info(["setup"]))!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        if (run.ExitCode != 0) throw new InvalidOperationException($"The peer's setup failed: {await output}{error}");
        return clock.Elapsed;
    }

    public async Task Start()
    {
        process = Process.Start(Info(["--urls", $"http://127.0.0.1:{Port}"]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine("peer: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if ((await probe.GetAsync(new Uri("/health/ping", UriKind.Relative))).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (process.HasExited) throw new InvalidOperationException("The peer exited.");
            await Task.Delay(5);
        }
        throw new TimeoutException("The peer did not start.");
    }

    public void ResetPeak()
    {
        if (process is not null) File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");
    }

    public double PeakMegabytes() =>
        process is null ? 0 : double.Parse(File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM", StringComparison.Ordinal))
            .Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;

    public void Stop()
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.WaitForExit();
        process?.Dispose();
        process = null;
    }

    private ProcessStartInfo Info(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(Folder, "Investment.Bench.Peer.dll"), .. arguments])
        {
            WorkingDirectory = Folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_GCgen0size"] = "0x1000000"; // as the API runs
        info.Environment["ConnectionStrings__Peer"] = database;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Authentication__Schemes__Bearer__ValidIssuer"] = ApiRunner.Issuer;
        info.Environment["Authentication__Schemes__Bearer__ValidAudiences__0"] = ApiRunner.Issuer;
        info.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = ApiRunner.Issuer;
        info.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = signingKey;
        return info;
    }

    /// <summary>
    /// Where the API's bytes are (issue 18's size target): each table of 1 MB or more with its indexes and TOAST, the
    /// largest first, as "mt_events 310 (index 35)", in MB; what a change to one read model saves shows here.
    /// </summary>
    public static async Task<string> ApiTables(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select c.relname, pg_total_relation_size(c.oid), pg_indexes_size(c.oid)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'investment' and c.relkind = 'r' and pg_total_relation_size(c.oid) >= 1048576
            order by 2 desc
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
            tables.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {reader.GetInt64(1) / 1048576.0:F0} (index {reader.GetInt64(2) / 1048576.0:F0})"));
        return string.Join(", ", tables);
    }

    /// <summary>The bytes each side stores for the same business data: the event store and its read models, the peer's tables (with indexes and TOAST).</summary>
    public static async Task<(long Api, long Peer)> Sizes(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select coalesce(sum(pg_total_relation_size(c.oid)) filter (where n.nspname = 'investment'), 0)::bigint,
                   coalesce(sum(pg_total_relation_size(c.oid)) filter (where n.nspname = 'peer'), 0)::bigint
            from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'm') and n.nspname in ('investment', 'peer')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

/// <summary>
/// The ceiling of a CRUD contact write: one hand-written statement that inserts the contact and moves its lead's last
/// contact and next follow-up, one round trip, one commit, over the peer's tables. No HTTP, no ORM.
/// </summary>
public static class RawContactWrite
{
    public const string Scenario = "raw single-statement contact write (ceiling)";

    public static async Task<LoadResult> Run(string database, IReadOnlyList<Guid> leads, int clients, TimeSpan duration)
    {
        await using var source = NpgsqlDataSource.Create(database);
        return await Load.Run(Scenario, clients, duration, async r =>
        {
            await using var write = source.CreateCommand("""
                with c as (insert into peer.contacts (id, lead_id, occurred_at, channel, officers, investor_people, summary, logged_by, logged_at)
                           values ($1, $2, $3, 'Call', array['officer.bench'], '{}', 'Benchmark call about the site visit.', 'officer.bench', now())
                           returning lead_id, occurred_at, follow_up_on)
                update peer.leads l set version = l.version + 1,
                    last_contact_at = case when l.last_contact_at is null or c.occurred_at >= l.last_contact_at then c.occurred_at else l.last_contact_at end,
                    next_follow_up_on = case when l.last_contact_at is null or c.occurred_at >= l.last_contact_at then c.follow_up_on else l.next_follow_up_on end
                from c where l.id = c.lead_id
                """);
            write.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            write.Parameters.Add(new NpgsqlParameter { Value = leads[r % leads.Count] });
            write.Parameters.Add(new NpgsqlParameter { Value = new DateTime(2015, 12, 1, 3, 0, 0, DateTimeKind.Utc) });
            return await write.ExecuteNonQueryAsync() == 1;
        });
    }
}

/// <summary>
/// Leads for the flat-cost figure of issue 18: fresh leads without a contact (each gets its 1st) and leads that already
/// hold 999 contacts (each gets its 1,000th and the next ones). Appended with the fill, before the rebuild, so every read
/// model holds them as it would after a lead's long life.
/// </summary>
public static class FlatCost
{
    public const string First = "log the 1st contact of a lead";
    public const string Thousandth = "log the 1,000th contact of a lead";
    public const int LongLeads = 4;
    public const int History = 999;

    public sealed record Leads(IReadOnlyList<Guid> Fresh, IReadOnlyList<Guid> WithHistory);

    public static async Task<Leads> Fill(string connectionString, Guid investor, int fresh)
    {
        using var store = DocumentStore.For(options =>
        {
            EventStoreSetup.ConfigureStorage(options, connectionString);
            options.Events.AppendMode = EventAppendMode.Quick; // as the fill appends: no inline projection to feed
        });
        var recorded = Instant.FromUtc(2016, 1, 1, 0, 0);
        var opened = new LocalDate(2014, 1, 6);
        object Opened(Guid id) => new LeadOpened(id, investor, "Bench investor 00000", "JP", "dung-quat", "Bench flat-cost lead", Sector.HeavyIndustry,
            Money.Usd(1_000_000m), LeadSource.TradeMission, "officer.bench", opened, "bench", recorded);
        var freshIds = Enumerable.Range(0, fresh).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var chunk in freshIds.Chunk(500))
        {
            await using var session = store.LightweightSession();
            foreach (var id in chunk) session.Events.StartStream(id, Opened(id));
            await session.SaveChangesAsync();
        }
        var longIds = Enumerable.Range(0, LongLeads).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var id in longIds)
        {
            var events = new List<object> { Opened(id) };
            for (var c = 0; c < History; c++)
            {
                var at = opened.PlusDays(c / 3).AtStartOfDayInZone(VietnamCalendar.Zone).ToInstant().Plus(Duration.FromHours(3 + c % 3));
                events.Add(new ContactLogged(id, Guid.CreateVersion7(), new ContactDetails(at, ContactChannel.Call, ["officer.bench"], ["Guest"],
                    "Bench contact about the project's next steps.", "Follow up.", opened.PlusDays(c / 3 + 14)), "bench", recorded));
            }
            await using var session = store.LightweightSession();
            session.Events.StartStream(id, [.. events]);
            await session.SaveChangesAsync();
        }
        return new(freshIds, longIds);
    }
}

/// <summary>One operation measured on the API and on the peer, alternated, and the issue's target for it.</summary>
public sealed record Versus(string Operation, int Clients, LoadResult Api, LoadResult Peer, CpuShare ApiCpu, CpuShare PeerCpu)
{
    public double Ratio => Api.PerSecond / Math.Max(Peer.PerSecond, 1e-9);
}

public static class Targets
{
    public static string Met(bool met) => met ? "met" : "not met";

    /// <summary>The comparison table: each operation at each concurrency, the API beside the peer, and the issue's target.</summary>
    public static IEnumerable<string> Table(IReadOnlyList<Versus> rows)
    {
        yield return "| operation | clients | API req/s | peer req/s | API / peer | API p99 ms | peer p99 ms | API cpu + PostgreSQL ms | peer cpu + PostgreSQL ms | target | |";
        yield return "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |";
        foreach (var v in rows)
        {
            var p99Target = v.Clients == 16 && IsWrite(v.Operation);
            var met = v.Ratio >= 1.0 && (!p99Target || v.Api.P99Ms <= v.Peer.P99Ms);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {v.Operation} | {v.Clients} | {v.Api.PerSecond:F0} | {v.Peer.PerSecond:F0} | {v.Ratio:F2} | {v.Api.P99Ms:F1} | {v.Peer.P99Ms:F1} | "
                + $"{v.ApiCpu.ApiMs:F2} + {v.ApiCpu.RestMs:F2} | {v.PeerCpu.ApiMs:F2} + {v.PeerCpu.RestMs:F2} | ≥ 1.0 ×{(p99Target ? ", p99 ≤ peer's" : "")} | {Met(met)} |");
        }
    }

    private static bool IsWrite(string operation) => operation.StartsWith("log", StringComparison.Ordinal) || operation.StartsWith("issue", StringComparison.Ordinal);
}
