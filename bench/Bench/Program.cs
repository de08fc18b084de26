using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Investment.Api.EventStore;
using Investment.Bench;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

// The benchmark of issue 7. Every figure is printed beside a baseline measured in this run on this machine.
var targetEvents = Arg("--events", 1_000_000L);
var seconds = Arg("--seconds", 10);
var duration = TimeSpan.FromSeconds(seconds);
// --scenarios "log a contact,get a lead": run only those (the baselines always run);
// --profile adds the statements PostgreSQL spent its time on in each scenario (pg_stat_statements).
var only = Arg("--scenarios", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var profile = args.Contains("--profile");
var root = DatabaseConnection.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Run from the repository.");
var report = new StringBuilder();
void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

// PostgreSQL with default durability: fsync and synchronous commit on.
// --port: another cluster on the machine may hold the default one.
var cluster = new LocalPostgres.Options(Path.Combine(root, ".local", "postgres-bench"), Arg("--port", 54340), FastAndUnsafe: false);
var server = LocalPostgres.EnsureRunning(cluster);
if (profile && await Statements.NeedsRestart(server))
{
    LocalPostgres.Stop(cluster);
    server = LocalPostgres.EnsureRunning(cluster);
}
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    foreach (var old in await Strings(admin, "select datname from pg_database where datname like 'bench\\_%'"))
        await Execute(admin, $"drop database if exists \"{old}\" with (force)");
}
var database = LocalPostgres.EnsureDatabase(server, $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}") + ";No Reset On Close=true;Maximum Pool Size=200";

var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
var token = Token(key);
var api = new ApiRunner(database, key);

Line($"# Benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Line("");
Line(Machine());
Line("");

// Never leave an API running behind, even when the benchmark itself fails.
AppDomain.CurrentDomain.ProcessExit += (_, _) => api.Stop();
AppDomain.CurrentDomain.UnhandledException += (_, _) => api.Stop();
await ApiRunner.Command(database, key, "apply-database-changes"); // as a deployment does, before any instance starts
var emptyStart = await api.Start();
api.Stop();
var filled = await Fill.Run(database, targetEvents);
// Issue 18's flat-cost leads: fresh ones and ones with 999 contacts, in the store before the rebuild (bench/Bench/Peer.cs).
var flat = await FlatCost.Fill(database, filled.Investors[0], fresh: 3_000);
filled = filled with { Events = filled.Events + flat.Fresh.Count + flat.WithHistory.Count * (FlatCost.History + 1) };
Line($"Fill: {filled.Events:N0} events ({filled.Investors.Count:N0} investors, {filled.Leads.Count:N0} leads, {filled.Certificates.Count:N0} certificates) in {filled.Took.TotalSeconds:F0} s");
// Issue 18's large zone (bench/Bench/BigZone.cs), only when its scenarios run: 20,000 certificates and 50,000 leads in one zone.
var bigZone = only.Length == 0 || only.Intersect(BigZone.Scenarios).Any();
if (bigZone)
{
    var bigFill = Stopwatch.StartNew();
    var bigEvents = await BigZone.Fill(database, filled.Investors);
    filled = filled with { Events = filled.Events + bigEvents };
    Line($"Large zone ({BigZone.Zone}): {BigZone.Certificates:N0} certificates and {BigZone.Leads:N0} leads more, {bigEvents:N0} events in {bigFill.Elapsed.TotalSeconds:F0} s (counted in the rebuild below)");
}

var rebuild = Stopwatch.StartNew();
var rebuilt = await ApiRunner.Command(database, key, "rebuild-projections");
rebuild.Stop();
var rebuiltParts = rebuilt.Split("; ", 2);
Line($"Rebuild of every projection: {rebuiltParts[0].Trim()} ({filled.Events / rebuild.Elapsed.TotalSeconds:N0} events/s end to end)");
if (rebuiltParts.Length > 1) Line($"Each projection: {rebuiltParts[1]}");

// Three starts, the median reported: one start right after a rebuild shares the machine with PostgreSQL's clean-up.
var starts = new List<TimeSpan>();
for (var i = 0; i < 3; i++)
{
    if (i > 0) api.Stop();
    starts.Add(await api.Start());
}
var start = starts.Order().ElementAt(1);
Line($"Start-up to first answered request: {start.TotalMilliseconds:F0} ms (median of {string.Join(", ", starts.Select(s => s.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))}) "
    + $"with {filled.Events:N0} events in the store ({emptyStart.TotalMilliseconds:F0} ms empty)");

// The CRUD peer of issue 18 (bench/Peer), filled with the same business data, beside the API on the same cluster.
var peer = new PeerRunner(database, key);
AppDomain.CurrentDomain.ProcessExit += (_, _) => peer.Stop();
var peerSetup = await peer.Setup();
await peer.Start();
var sizes = await PeerRunner.Sizes(database);
Line($"EF Core CRUD peer: the same business data copied into its tables in {peerSetup.TotalSeconds:F0} s; "
    + $"stored: API {sizes.Api / 1048576.0:F0} MB (events and read models), peer {sizes.Peer / 1048576.0:F0} MB");
Line($"The API's tables in MB (with indexes and TOAST): {await PeerRunner.ApiTables(database)}");
// Both systems' tables start the measured scenarios settled: the fill, the rebuild and the peer's copy leave PostgreSQL's
// clean-up (autovacuum of fresh tables, hint bits, a checkpoint) to land on whichever scenario runs first; issue 18's
// flat cost, one client right after them, measured 0.51-1.42 x from one run to the next.
var settle = Stopwatch.StartNew();
await using (var maintenance = new NpgsqlConnection(database))
{
    await maintenance.OpenAsync();
    foreach (var statement in new[] { "vacuum (analyze)", "checkpoint" })
    {
        await using var command = new NpgsqlCommand(statement, maintenance) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
Line($"Settled before the scenarios (vacuum, analyze, checkpoint of both systems' tables): {settle.Elapsed.TotalSeconds:F0} s");
Line("");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri($"http://127.0.0.1:{api.Port}"),
    Timeout = TimeSpan.FromSeconds(30),
};
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
using var peerHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri($"http://127.0.0.1:{peer.Port}"),
    Timeout = TimeSpan.FromSeconds(30),
};
peerHttp.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;

var acknowledgedContacts = new System.Collections.Concurrent.ConcurrentBag<Guid>();
var acknowledgedCertificates = new System.Collections.Concurrent.ConcurrentBag<Guid>();
using var lagSampler = new LagSampler(database);
// What the errors column counted: the answers that were not a success, by request and status.
var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
bool Failed(HttpResponseMessage response, string what)
{
    failures.AddOrUpdate($"{what} {(int)response.StatusCode}", 1, (_, n) => n + 1);
    return false;
}

Task<bool> LogContact(int r) => LogContactTo(filled.Leads[r % filled.Leads.Count], idempotent: false);

async Task<bool> LogContactTo(Guid lead, bool idempotent)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead}/contacts")
    {
        Content = JsonContent.Create(new
        {
            channel = "call", summary = "Benchmark call about the site visit.", occurredAt = "2015-12-01T03:00:00Z", officers = new[] { "officer.bench" },
        }),
    };
    if (idempotent) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
    using var response = await http.SendAsync(request);
    if ((int)response.StatusCode != 201) return Failed(response, "log a contact");
    acknowledgedContacts.Add(Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!));
    return true;
}

async Task<bool> IssueCertificate(int r)
{
    using var response = await http.PostAsJsonAsync("/api/v1/certificates", new
    {
        number = $"N{Guid.NewGuid():N}"[..20], projectName = "Benchmark project", investorIds = new[] { filled.Investors[r % filled.Investors.Count] },
        zone = "dung-quat", sector = "energy", capital = new { amount = (r % 100_000 + 1).ToString(CultureInfo.InvariantCulture) + ".25", currency = "USD" },
        landAreaHectares = "10", issuedOn = "2015-06-01", durationYears = 30,
    });
    if ((int)response.StatusCode != 201) return Failed(response, "issue a certificate");
    acknowledgedCertificates.Add(Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!));
    return true;
}

async Task<bool> Get(string url) => await GetFrom(http, url);

async Task<bool> GetFrom(HttpClient client, string url)
{
    using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
    await response.Content.ReadAsByteArrayAsync();
    return response.IsSuccessStatusCode || Failed(response, client == http ? "GET" : "peer GET");
}

// The peer's side of each operation: the same requests, the same ids, its own routes (bench/Peer/Program.cs).
async Task<bool> PeerLogContact(int r)
{
    var lead = filled.Leads[r % filled.Leads.Count];
    using var response = await peerHttp.PostAsJsonAsync($"/api/v1/leads/{lead}/contacts", new
    {
        channel = "call", summary = "Benchmark call about the site visit.", occurredAt = "2015-12-01T03:00:00Z", officers = new[] { "officer.bench" },
    });
    return (int)response.StatusCode == 201 || Failed(response, "peer: log a contact");
}

async Task<bool> PeerIssueCertificate(int r)
{
    using var response = await peerHttp.PostAsJsonAsync("/api/v1/certificates", new
    {
        number = $"P{Guid.NewGuid():N}"[..20], projectName = "Benchmark project", investorIds = new[] { filled.Investors[r % filled.Investors.Count] },
        zone = "dung-quat", sector = "energy", capital = new { amount = (r % 100_000 + 1).ToString(CultureInfo.InvariantCulture) + ".25", currency = "USD" },
        landAreaHectares = "10", issuedOn = "2015-06-01", durationYears = 30,
    });
    return (int)response.StatusCode == 201 || Failed(response, "peer: issue a certificate");
}

var peerCalls = new Dictionary<string, Func<int, Task<bool>>>
{
    ["log a contact"] = PeerLogContact,
    // The peer offers no Idempotency-Key: the API's retry-safe write is compared with the peer's plain one.
    ["log a contact with Idempotency-Key"] = PeerLogContact,
    ["issue a certificate"] = PeerIssueCertificate,
    ["get a certificate"] = r => GetFrom(peerHttp, $"/api/v1/certificates/{filled.Certificates[r % filled.Certificates.Count]}"),
    ["get a lead"] = r => GetFrom(peerHttp, $"/api/v1/leads/{filled.Leads[r % filled.Leads.Count]}"),
    // The peer cannot answer "as known on": it keeps no history. Both progress figures are compared with its live SUM.
    ["get target progress"] = _ => GetFrom(peerHttp, "/api/v1/zones/dung-quat/progress/2014"),
    ["get target progress as known on a date"] = _ => GetFrom(peerHttp, "/api/v1/zones/dung-quat/progress/2014"),
    ["get the 6-month report as known on a date"] = _ => GetFrom(peerHttp, "/api/v1/zones/dung-quat/progress/2014"),
    ["get the yearly report as known on a date"] = _ => GetFrom(peerHttp, "/api/v1/zones/dung-quat/progress/2014"),
    ["list a register page"] = _ => GetFrom(peerHttp, "/api/v1/certificates?zone=dung-quat&limit=50"),
};

var scenarios = new (string Name, Func<int, Task<bool>> Call, string Baseline)[]
{
    ("log a contact", LogContact, "insert"),
    ("log a contact with Idempotency-Key", r => LogContactTo(filled.Leads[r % filled.Leads.Count], idempotent: true), "insert"),
    ("issue a certificate", IssueCertificate, "insert"),
    ("get a certificate", r => Get($"/api/v1/certificates/{filled.Certificates[r % filled.Certificates.Count]}"), "http"),
    ("get a lead", r => Get($"/api/v1/leads/{filled.Leads[r % filled.Leads.Count]}"), "http"),
    ("get target progress", _ => Get("/api/v1/zones/dung-quat/progress/2014"), "http"),
    // Computed at every request (no answer is kept for a date), over every ledger of the zone: a day drawn at random
    // for each request among the 500 from 2014-07-01 to 2015-11-12 (AsOfDay), within the year (the pipeline's leads
    // counted) and after it.
    ("get target progress as known on a date", r => Get($"/api/v1/zones/dung-quat/progress/2014?asOf={AsOfDay(r)}"), "http"),
    ("get the 6-month report as known on a date", r => Get($"/api/v1/zones/dung-quat/reports/2014/first-half?asOf={AsOfDay(r)}"), "http"),
    ("get the yearly report as known on a date", r => Get($"/api/v1/zones/dung-quat/reports/2014/year?asOf={AsOfDay(r)}"), "http"),
    ("list a register page", _ => Get("/api/v1/certificates?zone=dung-quat&limit=50"), "http"),
    ("mixed 70 % reads", r => (r % 10) switch
    {
        < 3 => Get($"/api/v1/certificates/{filled.Certificates[r % filled.Certificates.Count]}"),
        < 5 => Get($"/api/v1/leads/{filled.Leads[r % filled.Leads.Count]}"),
        < 6 => Get("/api/v1/zones/dung-quat/progress/2014"),
        < 7 => Get("/api/v1/certificates?zone=dung-quat&limit=50"),
        < 9 => LogContact(r),
        _ => IssueCertificate(r),
    }, "http"),
};

if (profile) await Statements.Create(database);
var statements = new List<string>();
// A first pass the figures ignore: the JIT compiles the hot paths, the pools fill, PostgreSQL's caches warm.
await Load.Run("warm-up", 16, TimeSpan.FromSeconds(Math.Min(5, seconds)), _ => Get("/health/ping"));
foreach (var (name, call, _) in scenarios.Where(s => only.Length == 0 || only.Contains(s.Name)))
{
    await Load.Run("warm-up", 16, TimeSpan.FromSeconds(Math.Min(3, seconds)), call);
    if (peerCalls.TryGetValue(name, out var peerCall)) await Load.Run("warm-up", 16, TimeSpan.FromSeconds(Math.Min(3, seconds)), peerCall);
}
await Load.Run("warm-up", 1, TimeSpan.FromSeconds(Math.Min(2, seconds)), _ => LogContactTo(flat.WithHistory[0], idempotent: false));

Line("CPU per request in ms, on the 2 cores: the API process (the peer's, on its rows), the rest of the machine (PostgreSQL), the load generator; busy = share of both cores used.");
Line("");
Line("| scenario | clients | req/s | baseline req/s | ratio | p50 ms | p99 ms | errors | API cpu | PostgreSQL cpu | load cpu | busy | API peak MB |");
Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
var peakUnderLoad = 0.0;
var peerPeakUnderLoad = 0.0;
var versus = new List<Versus>();
// Issue 18's flat cost: one client, one contact after another, on leads without a contact, then on leads with 999.
var nextFresh = -1;
var nextLong = -1;
var firstContact = await Measured(FlatCost.First, 1, _ => Load.Run(FlatCost.First, 1, duration,
    _ => LogContactTo(flat.Fresh[Interlocked.Increment(ref nextFresh) % flat.Fresh.Count], idempotent: false)));
var thousandth = await Measured(FlatCost.Thousandth, 1, _ => Load.Run(FlatCost.Thousandth, 1, duration,
    _ => LogContactTo(flat.WithHistory[Interlocked.Increment(ref nextLong) % flat.WithHistory.Count], idempotent: false)));
Row(firstContact.Result, null, firstContact.Cpu, firstContact.PeakMb);
Row(thousandth.Result, null, thousandth.Cpu, thousandth.PeakMb);
// Issue 18's large zone: how long one answer takes (one client), against the 50 ms target.
var bigRuns = new List<(LoadResult Result, CpuShare Cpu, string Answer)>();
foreach (var name in BigZone.Scenarios.Where(s => bigZone && (only.Length == 0 || only.Contains(s))))
{
    Func<int, Task<bool>> call = name == BigZone.Watchlist ? r => Get(BigZone.WatchlistUrl(r)) : _ => Get(BigZone.PipelineUrl);
    await Load.Run("warm-up", 1, TimeSpan.FromSeconds(Math.Min(3, seconds)), call);
    var run = await Measured(name, 1, _ => Load.Run(name, 1, duration, call));
    Row(run.Result, null, run.Cpu, run.PeakMb);
    bigRuns.Add((run.Result, run.Cpu, await BigZone.Describe(http, name)));
}
foreach (var clients in new[] { 16, 64 })
{
    var insert = await Measured("raw durable INSERT", clients, _ => Baselines.RawInsert(database, clients, duration));
    var ping = await Measured("trivial endpoint", clients, _ => Load.Run("trivial endpoint", clients, duration, _ => Get("/health/ping")));
    var floor = await Measured(EventStoreFloor.Scenario, clients, _ => EventStoreFloor.Run(database, clients, duration));
    var ceiling = await Measured(RawContactWrite.Scenario, clients, _ => RawContactWrite.Run(database, filled.Leads, clients, duration));
    Row(insert.Result, null, insert.Cpu, insert.PeakMb);
    Row(ping.Result, null, ping.Cpu, ping.PeakMb);
    Row(floor.Result, insert.Result, floor.Cpu, floor.PeakMb);
    Row(ceiling.Result, insert.Result, ceiling.Cpu, ceiling.PeakMb);
    foreach (var (name, call, baseline) in scenarios.Where(s => only.Length == 0 || only.Contains(s.Name)))
    {
        var against = baseline == "insert" ? insert.Result : ping.Result;
        if (!peerCalls.TryGetValue(name, out var peerCall))
        {
            lagSampler.Start();
            var run = await Measured(name, clients, _ => Load.Run(name, clients, duration, call));
            lagSampler.Stop();
            Row(run.Result, against, run.Cpu, run.PeakMb);
            continue;
        }
        // Alternated, by the same load generator: API, peer, API, peer, half the time each, so that a change in the
        // machine's load (it is shared) falls on both sides.
        var half = duration / 2;
        var peerName = $"EF Core peer: {name}";
        lagSampler.Start();
        var a1 = await Measured(name, clients, _ => Load.Run(name, clients, half, call));
        lagSampler.Stop();
        var p1 = await Measured(peerName, clients, _ => Load.Run(peerName, clients, half, peerCall), peer);
        lagSampler.Start();
        var a2 = await Measured(name, clients, _ => Load.Run(name, clients, half, call));
        lagSampler.Stop();
        var p2 = await Measured(peerName, clients, _ => Load.Run(peerName, clients, half, peerCall), peer);
        var (apiRun, peerRun) = (LoadResult.Merge(a1.Result, a2.Result), LoadResult.Merge(p1.Result, p2.Result));
        var (apiCpu, peerCpu) = (CpuMeter.Merge(a1.Cpu, a1.Result.Requests, a2.Cpu, a2.Result.Requests), CpuMeter.Merge(p1.Cpu, p1.Result.Requests, p2.Cpu, p2.Result.Requests));
        Row(apiRun, against, apiCpu, Math.Max(a1.PeakMb, a2.PeakMb));
        Row(peerRun, against, peerCpu, Math.Max(p1.PeakMb, p2.PeakMb));
        versus.Add(new Versus(name, clients, apiRun, peerRun, apiCpu, peerCpu));
    }
}

async Task<(LoadResult Result, CpuShare Cpu, double PeakMb)> Measured(string name, int clients, Func<int, Task<LoadResult>> load, IMeasuredProcess? on = null)
{
    var measured = on ?? api;
    var cpu = new CpuMeter(() => measured.ProcessId);
    if (profile) await Statements.Reset(database);
    measured.ResetPeak(); // each scenario's own peak: which load drives the memory up
    cpu.Start();
    var result = await load(clients);
    var share = cpu.Stop(result.Requests);
    var peak = measured.PeakMegabytes();
    if (on is null) peakUnderLoad = Math.Max(peakUnderLoad, peak);
    else peerPeakUnderLoad = Math.Max(peerPeakUnderLoad, peak);
    if (profile)
    {
        statements.Add($"{name}, {clients} clients ({result.Requests:N0} requests), per request:");
        statements.AddRange((await Statements.Top(database, result.Requests)).Select(l => "    " + l));
    }
    return (result, share, peak);
}

void Row(LoadResult r, LoadResult? baseline, CpuShare share, double peakMb) => Line(
    $"| {r.Scenario} | {r.Clients} | {r.PerSecond:F0} | {(baseline is null ? "" : baseline.PerSecond.ToString("F0", CultureInfo.InvariantCulture))} | "
    + $"{(baseline is null ? "" : (r.PerSecond / baseline.PerSecond).ToString("F2", CultureInfo.InvariantCulture))} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.Errors} | {share} | {peakMb:F0} |");

if (!failures.IsEmpty)
{
    Line("");
    Line($"Errors by answer (409 on a write: two clients hit the same lead or number at once, refused as designed): {string.Join(", ", failures.OrderBy(f => f.Key).Select(f => $"{f.Key} × {f.Value}"))}");
}
// A burst, then the time the async projections take to apply it.
api.ResetPeak();
var burstEnd = Stopwatch.StartNew();
var catchUp = await lagSampler.WaitCaughtUp(TimeSpan.FromSeconds(120));
Line("");
Line($"Async projections: at most {lagSampler.MaxLag:N0} events behind under write load; caught up {catchUp.TotalMilliseconds:F0} ms after the last burst.");

// Everything acknowledged is in the store; the zone totals equal an independent sum of the events.
await using (var check = new NpgsqlConnection(database))
{
    await check.OpenAsync();
    var contacts = await Count(check, "select count(*) from investment.mt_events where type = 'contact_logged' and (data ->> 'contactId')::uuid = any(@ids)", [.. acknowledgedContacts]);
    var certificates = await Count(check, "select count(*) from investment.mt_doc_certificatedetails where id = any(@ids)", [.. acknowledgedCertificates]);
    var summed = await Scalar(check, """
        select coalesce(sum((data -> 'capital' ->> 'amount')::numeric), 0) from investment.mt_events
        where type = 'certificate_issued' and data ->> 'zoneCode' = 'dung-quat' and data ->> 'issuedOn' like '2015-%'
        """);
    var amended = await Scalar(check, """
        select coalesce(sum((e.data -> 'capitalChange' ->> 'amount')::numeric), 0) from investment.mt_events e
        join investment.mt_events i on i.stream_id = e.stream_id and i.type = 'certificate_issued'
        where e.type = 'certificate_amended' and i.data ->> 'zoneCode' = 'dung-quat' and e.data ->> 'on' like '2015-%'
        """);
    var progress = await http.GetFromJsonAsync<JsonNode>("/api/v1/zones/dung-quat/progress/2015");
    var attracted = decimal.Parse((string)progress!["attractedUsd"]!, CultureInfo.InvariantCulture);
    // The same figure as known on a day after every write: from the API's copy of the zone's facts, refreshed after the load's writes.
    var later = await http.GetFromJsonAsync<JsonNode>("/api/v1/zones/dung-quat/progress/2015?asOf=2100-01-01");
    var attractedLater = decimal.Parse((string)later!["attractedUsd"]!, CultureInfo.InvariantCulture);
    Line($"Checks: {contacts:N0}/{acknowledgedContacts.Count:N0} acknowledged contacts and {certificates:N0}/{acknowledgedCertificates.Count:N0} certificates "
        + $"are in the store; dung-quat 2015 attracted {attracted:N2} (as known on 2100-01-01: {attractedLater:N2}) = independent sum {summed + amended:N2}: "
        + (contacts == acknowledgedContacts.Count && certificates == acknowledgedCertificates.Count && attracted == summed + amended && attractedLater == attracted ? "OK" : "MISMATCH"));

    var yearEvents = await Scalar(check, "select count(*) from investment.mt_events where data ->> 'zoneCode' = 'dung-quat' or stream_id in (select id from investment.mt_doc_leaddetails where data -> 'lead' ->> 'zoneCode' = 'dung-quat')");
    var reportClock = Stopwatch.StartNew();
    await Get("/api/v1/zones/dung-quat/reports/2014/year?asOf=2015-12-31");
    Line($"As-known-on yearly report of dung-quat 2014 (the zone holds {yearEvents:N0} events): {reportClock.ElapsedMilliseconds} ms");
}
Line($"Peak memory of the API (VmHWM): {peakUnderLoad:F0} MB under load (the highest scenario); {api.PeakMegabytes():F0} MB in the checks and the as-known-on report, which loads a zone's whole history");
// The import of an existing registry (issue 15): its own process, after the checks (--import-rows, default 100,000).
if (only.Length == 0 || only.Contains(ImportBench.Scenario)) Line(await ImportBench.Run(database, key, Arg("--import-rows", 100_000)));
Line("");
Line("## Against the CRUD API a team would write instead (issue 18)");
Line("");
Line("The EF Core + Npgsql peer (bench/Peer) over the same cluster and business data, driven alternately by the same load generator.");
Line("");
Targets.Table(versus).ToList().ForEach(Line);
Line("");
var flatCost = (thousandth.Cpu.ApiMs + thousandth.Cpu.RestMs) / Math.Max(1e-9, firstContact.Cpu.ApiMs + firstContact.Cpu.RestMs);
var flatLatency = thousandth.Result.P50Ms / Math.Max(1e-9, firstContact.Result.P50Ms);
Line(string.Create(CultureInfo.InvariantCulture, $"- Flat cost: the 1,000th contact of a lead costs {flatCost:F2} × its 1st in CPU (API + PostgreSQL, "
    + $"{thousandth.Cpu.ApiMs + thousandth.Cpu.RestMs:F2} ms against {firstContact.Cpu.ApiMs + firstContact.Cpu.RestMs:F2} ms) and {flatLatency:F2} × in p50 latency, one client; "
    + $"target within 10 %: {Targets.Met(flatCost <= 1.10 && flatLatency <= 1.10)}"));
var rebuildRate = filled.Events / rebuild.Elapsed.TotalSeconds;
Line(string.Create(CultureInfo.InvariantCulture, $"- Rebuild of every projection: {rebuildRate:N0} events/s end to end; target ≥ 30,000: {Targets.Met(rebuildRate >= 30_000)}"));
Line(string.Create(CultureInfo.InvariantCulture, $"- Database size: API {sizes.Api / 1048576.0:F0} MB, peer {sizes.Peer / 1048576.0:F0} MB ({(double)sizes.Api / Math.Max(1, sizes.Peer):F1} ×); target ≤ 3 ×: {Targets.Met(sizes.Api <= 3 * sizes.Peer)}"));
Line(string.Create(CultureInfo.InvariantCulture, $"- Peak memory under load: API {peakUnderLoad:F0} MB, peer {peerPeakUnderLoad:F0} MB; target ≤ the peer's: {Targets.Met(peakUnderLoad <= peerPeakUnderLoad)}"));
foreach (var (r, cpu, answer) in bigRuns)
    Line(string.Create(CultureInfo.InvariantCulture, $"- The {r.Scenario} ({BigZone.Zone}: {BigZone.Certificates:N0} certificates, {BigZone.Leads:N0} leads more; one client, {r.Requests:N0} requests; {answer}): p50 {r.P50Ms:F1} ms, p99 {r.P99Ms:F1} ms "
        + $"(CPU per answer: API {cpu.ApiMs:F2} ms + PostgreSQL {cpu.RestMs:F2} ms); target ≤ {BigZone.TargetMs:F0} ms: {Targets.Met(r.P99Ms <= BigZone.TargetMs && r.Errors == 0)}"));
Line(bigRuns.Count == 0
    ? "- Not measured by this run: the watchlist and the pipeline of a zone with 20,000 certificates / 50,000 leads (≤ 50 ms)."
    : "- The peer keeps no history: progress and both reports as known on a date are compared with its live SUM (its progress).");
peer.Stop();
if (statements.Count > 0)
{
    Line("");
    Line("Statements PostgreSQL spent its time on (pg_stat_statements; execution time only, not parsing or network):");
    Line("");
    Line("```");
    statements.ForEach(Line);
    Line("```");
}
api.Stop();

var file = Path.Combine(root, "bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd-HHmm}.md");
Directory.CreateDirectory(Path.GetDirectoryName(file)!);
await File.WriteAllTextAsync(file, report.ToString());
Console.WriteLine($"\nWritten to {file}");
return 0;

static string AsOfDay(int r) => new NodaTime.LocalDate(2014, 7, 1).PlusDays(r % 500).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

T Arg<T>(string name, T fallback) where T : IParsable<T>
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? T.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string Token(string key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
{
    Subject = new ClaimsIdentity([new Claim("sub", "officer.bench"), new Claim("role", "admin")]),
    Issuer = ApiRunner.Issuer,
    Audience = ApiRunner.Issuer,
    Expires = DateTime.UtcNow.AddHours(6),
    SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key)), SecurityAlgorithms.HmacSha256),
});

static string Machine()
{
    string Read(string file, string prefix) => File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";
    return $"Machine: {Read("/proc/cpuinfo", "model name")}, {Environment.ProcessorCount} cores, {Read("/proc/meminfo", "MemTotal")} memory, "
        + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, PostgreSQL from {LocalPostgres.FindBinaries()} (fsync on).";
}

static async Task<List<string>> Strings(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    var rows = new List<string>();
    while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
    return rows;
}

static async Task Execute(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<decimal> Scalar(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToDecimal(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static async Task<long> Count(NpgsqlConnection connection, string sql, Guid[] ids)
{
    await using var command = new NpgsqlCommand(sql, connection);
    command.Parameters.AddWithValue("ids", ids);
    return (long)(await command.ExecuteScalarAsync())!;
}
