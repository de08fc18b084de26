using System.Diagnostics;
using Npgsql;

namespace Investment.Bench;

/// <summary>The API in Release as a process of its own, on loopback, production settings, a generous rate limit.</summary>
public sealed class ApiRunner(string database, string signingKey) : IMeasuredProcess
{
    public const string Issuer = "investment-bench";

    /// <summary>The API as bench/run publishes it (ReadyToRun, like the Docker image); the build output if not published.</summary>
    private static readonly string Published = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "api"));
    private static string Folder => File.Exists(Path.Combine(Published, "Investment.Api.dll")) ? Published : AppContext.BaseDirectory;
    private Process? process;

    /// <summary>A port nobody listens on, so that the process answering is this one.</summary>
    public int Port { get; } = FreePort();

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task<TimeSpan> Start()
    {
        var clock = Stopwatch.StartNew();
        process = Process.Start(Info(database, signingKey, ["--urls", $"http://127.0.0.1:{Port}"]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(1) };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if ((await probe.GetAsync(new Uri("/health/ping", UriKind.Relative))).IsSuccessStatusCode) return clock.Elapsed;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (process.HasExited) throw new InvalidOperationException("The API exited.");
            await Task.Delay(5);
        }
        throw new TimeoutException("The API did not start.");
    }

    public int? ProcessId => process?.Id;

    /// <summary>Starts the API's peak resident memory (VmHWM) again from its current size, so a scenario's own peak can be read.</summary>
    public void ResetPeak()
    {
        if (process is not null) File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");
    }

    public double PeakMegabytes() =>
        process is null ? 0 : double.Parse(File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM", StringComparison.Ordinal))
            .Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;

    public void Stop()
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.WaitForExit();
        process?.Dispose();
        process = null;
    }

    public static async Task<string> Command(string database, string signingKey, string command)
    {
        using var run = Process.Start(Info(database, signingKey, [command]))!;
        var output = await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
        // The rebuild's summary line, then each projection's time.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var summary = lines.LastOrDefault(l => l.Contains("Rebuilt", StringComparison.Ordinal)) ?? output;
        var each = lines.Where(l => l.EndsWith(" s", StringComparison.Ordinal) && !l.StartsWith('{') && !l.Contains("Rebuilt", StringComparison.Ordinal));
        return string.Join("; ", [summary, .. each]);
    }

    internal static ProcessStartInfo Info(string database, string signingKey, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(Folder, "Investment.Api.dll"), .. arguments])
        {
            WorkingDirectory = Folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_GCgen0size"] = "0x1000000"; // as the Dockerfile sets it
        info.Environment["ConnectionStrings__Marten"] = database;
        info.Environment["RateLimiting__PermitsPerMinute"] = "1000000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["EventStore__ManageSchema"] = "false"; // the schema is applied by the rebuild command first, as in production
        info.Environment["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer;
        info.Environment["Authentication__Schemes__Bearer__ValidAudiences__0"] = Issuer;
        info.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer;
        info.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = signingKey;
        return info;
    }
}

/// <summary>The physical limit of a durable write here: single-row inserts of a ~500-byte JSON document, one connection per client.</summary>
public static class Baselines
{
    private static readonly string Document = System.Text.Json.JsonSerializer.Serialize(new
    {
        leadId = Guid.NewGuid(), contactId = Guid.NewGuid(), channel = "call", occurredAt = "2015-12-01T03:00:00Z",
        officers = new[] { "officer.bench" }, investorPeople = new[] { "Guest" },
        summary = new string('x', 300), recordedBy = "officer.bench", recordedAt = "2015-12-01T03:00:00Z",
    });

    public static async Task<LoadResult> RawInsert(string database, int clients, TimeSpan duration)
    {
        await using var source = NpgsqlDataSource.Create(database);
        await using (var create = source.CreateCommand("create table if not exists bench_raw (id bigserial primary key, data jsonb not null)"))
            await create.ExecuteNonQueryAsync();
        return await Load.Run("raw durable INSERT", clients, duration, async _ =>
        {
            await using var insert = source.CreateCommand("insert into bench_raw (data) values ($1::jsonb)");
            insert.Parameters.Add(new NpgsqlParameter { Value = Document });
            await insert.ExecuteNonQueryAsync();
            return true;
        });
    }
}

/// <summary>
/// Not a baseline of the issue, a reference for the write targets: the floor of an event-sourced write here. One domain
/// event appended through Marten with the API's settings (Rich appends, prepared statements) to an existing stream,
/// in-process: no HTTP, no authentication, no validation, no read of the stream's state first, no projection. Logging
/// a contact does all of these on top. Its own schema, so the API's store and projections never see these events.
/// </summary>
public static class EventStoreFloor
{
    public const string Scenario = "Marten append alone (no HTTP, no projection)";

    public static async Task<LoadResult> Run(string database, int clients, TimeSpan duration)
    {
        using var store = Marten.DocumentStore.For(options =>
        {
            Investment.Api.EventStore.EventStoreSetup.ConfigureStorage(options, database);
            options.DatabaseSchemaName = "bench_floor";
        });
        var streams = Enumerable.Range(0, 10_000).Select(_ => Guid.CreateVersion7()).ToArray();
        foreach (var chunk in streams.Chunk(1_000))
        {
            await using var session = store.LightweightSession();
            foreach (var id in chunk) session.Events.StartStream(id, Logged(id));
            await session.SaveChangesAsync();
        }
        return await Load.Run(Scenario, clients, duration, async r =>
        {
            var id = streams[r % streams.Length];
            await using var session = store.LightweightSession();
            session.Events.Append(id, Logged(id));
            try
            {
                await session.SaveChangesAsync();
                return true;
            }
            catch (JasperFx.ConcurrencyException)
            {
                return false; // two clients appended to the same stream at once: the API would answer 409
            }
        });
    }

    private static Investment.Domain.Leads.ContactLogged Logged(Guid lead)
    {
        var now = NodaTime.SystemClock.Instance.GetCurrentInstant();
        return new(lead, Guid.CreateVersion7(), new Investment.Domain.Leads.ContactDetails(now, Investment.Domain.Leads.ContactChannel.Call,
            ["officer.bench"], [], "Benchmark call about the site visit.", null, null), "officer.bench", now);
    }
}

/// <summary>How far the async projections trail the head of the event log, sampled every 100 ms while writes run.</summary>
public sealed class LagSampler(string database) : IDisposable
{
    private CancellationTokenSource? running;
    private Task? sampling;

    public long MaxLag { get; private set; }

    public void Start()
    {
        running = new CancellationTokenSource();
        sampling = Task.Run(async () =>
        {
            while (!running.IsCancellationRequested)
            {
                MaxLag = Math.Max(MaxLag, await Lag());
                await Task.Delay(100);
            }
        });
    }

    public void Stop()
    {
        running?.Cancel();
        sampling?.Wait();
        running?.Dispose();
        running = null;
    }

    public void Dispose() => Stop();

    public async Task<TimeSpan> WaitCaughtUp(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && await Lag() > 0) await Task.Delay(20);
        return clock.Elapsed;
    }

    public async Task<long> Lag()
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select coalesce((select max(seq_id) from investment.mt_events), 0)
                 - coalesce((select min(last_seq_id) from investment.mt_event_progression where name like '%:%'), 0)
            """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
