using Alba;
using Investment.Api.EventStore;
using Investment.Api.Http;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Investment.Domain.Certificates;
using Investment.Domain.Leads;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Investment.Api.Tests.Operations;

/// <summary>
/// The rebuild command's one pass over the events (<see cref="OnePassRebuild"/>, issue 18) stores exactly what Marten's
/// daemon stores when it rebuilds each projection on its own: every row of every read model's table, every column (the
/// duplicated ones, the document's type and version), and every projection's progression, on a history with every kind
/// of event the projections fold (corrections, withdrawals, reassignments, revised estimates, losses and reopenings,
/// amendments, inspections, suspensions, revocations, changed profiles, revised targets and settings).
/// </summary>
public sealed class OnePassRebuildTests : IAsyncLifetime
{
    private readonly FakeClock clock = new(Instant.FromUtc(2017, 1, 5, 3, 0));
    private readonly string database = TestDatabase.Create("one_pass");
    private readonly Random random = new(20261202); // fixed: a failure can be replayed
    private IAlbaHost host = null!;

    private static readonly string Officer = TestTokens.For(Roles.Officer, "officer.nguyen");
    private static readonly string Admin = TestTokens.For(Roles.Admin, "admin.tran");

    public async Task InitializeAsync() => host = await ApiFixture.StartHost(database, clock, demoData: true);

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task the_one_pass_rebuild_stores_exactly_the_rows_and_progression_the_daemon_rebuild_stores()
    {
        await RecordVariedHistory();
        await host.Settled();
        await host.DisposeAsync();
        // No daemon of its own: nothing else writes the read models while they are rebuilt.
        host = await ApiFixture.StartHost(database, clock, asyncDaemon: false);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.QuerySession())
        {
            var types = (await session.Events.QueryAllRawEvents().ToListAsync()).Select(e => e.EventType).ToHashSet();
            Assert.Empty(new[]
            {
                typeof(ContactCorrected), typeof(ContactWithdrawn), typeof(LeadOwnerReassigned), typeof(LeadEstimateRevised), typeof(LeadLost),
                typeof(LeadReopened), typeof(LeadStageChanged), typeof(CertificateAmended), typeof(CertificateInspected), typeof(CertificateSuspended),
                typeof(CertificateResumed), typeof(CertificateRevoked), typeof(Domain.Investors.InvestorProfileChanged), typeof(Domain.Targets.TargetRevised),
                typeof(ServiceStandardSet), typeof(Domain.Forecasts.StageProbabilitiesSet),
            }.Except(types));
        }

        using (var daemon = await store.BuildProjectionDaemonAsync())
            foreach (var projection in EventStoreSetup.RebuildableProjections(store))
                await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(2), CancellationToken.None);
        var expected = await Rows();
        Assert.Equal(7, expected.Select(r => r.Table).Distinct().Count(t => t.StartsWith("mt_doc_", StringComparison.Ordinal)));

        var (onePass, byDaemon) = OnePassRebuild.Plan(store);
        // Every registered projection goes the one pass: none is left to the daemon.
        Assert.Equal(7, onePass.Count);
        Assert.Empty(byDaemon);
        // Three streams a chunk: a chunk boundary falls between the streams of every kind. Every document by binary COPY,
        // then every one through Marten's storage operations (EventStore:Rebuild:Copy false): both store the daemon's rows.
        var (_, copied) = await OnePassRebuild.RunAsync(store, onePass, streamsPerChunk: 3, CancellationToken.None);
        Assert.Equal(onePass.Select(p => p.Name), copied);
        AssertSameRows(expected, await Rows());
        var (_, none) = await OnePassRebuild.RunAsync(store, onePass, streamsPerChunk: 3, CancellationToken.None, copy: false);
        Assert.Empty(none);
        AssertSameRows(expected, await Rows());
    }

    private static void AssertSameRows(List<(string Table, string Id, string Row)> expected, List<(string Table, string Id, string Row)> rebuilt)
    {
        // The first row that differs, if any, with every column.
        foreach (var (want, got) in expected.Zip(rebuilt).Where(p => p.First != p.Second).Take(1)) Assert.Equal(want.Row, got.Row);
        Assert.Equal(expected, rebuilt);
    }

    /// <summary>Leads through every kind of lead event, an investor renamed, a target set and revised, a zone's settings changed (the demo data brings certificates through theirs).</summary>
    private async Task RecordVariedHistory()
    {
        string[] officers = ["officer.nguyen", "officer.le", "officer.pham"];
        string[] stages = ["qualified", "siteVisit", "negotiation"];
        var leads = new List<Guid>();
        for (var i = 0; i < 8; i++)
            leads.Add((await host.ALead(Officer, zone: i % 2 == 0 ? "dung-quat" : "tinh-phong", owner: officers[i % 3], openedOn: $"2014-0{i % 6 + 1}-02")).Id);
        for (var i = 0; i < 80; i++)
        {
            var url = $"/api/v1/leads/{leads[random.Next(leads.Count)]}";
            var on = $"2014-0{random.Next(6, 10)}-{random.Next(10, 28)}";
            switch (random.Next(8))
            {
                case 0 or 1:
                    var logged = await host.Post(Officer, $"{url}/contacts", LeadRequests.Contact("Call.", occurredAtLocal: $"{on}T09:00:00"));
                    if (logged.Context.Response.StatusCode != 201) break;
                    var contact = (await logged.Read<Investment.Api.Leads.LoggedContact>()).Id;
                    if (random.Next(3) == 0) await host.Put(Officer, $"{url}/contacts/{contact}", LeadRequests.Contact("Corrected.", occurredAtLocal: $"{on}T10:00:00"));
                    if (random.Next(3) == 0) await host.Post(Officer, $"{url}/contacts/{contact}/withdraw", new { reason = "Wrong lead." });
                    break;
                case 2:
                    await host.Post(Officer, $"{url}/stage", new { stage = stages[random.Next(stages.Length)], on });
                    break;
                case 3:
                    await host.Post(Officer, $"{url}/lose", new { reason = "Gone.", reasonCode = "anotherCountry", lostToCountry = "TH", on });
                    break;
                case 4:
                    await host.Post(Officer, $"{url}/reopen", new { on });
                    break;
                case 5:
                    await host.Post(Officer, $"{url}/estimate", new { estimatedCapital = LeadRequests.Usd(random.Next(1, 1000) * 1000m), reason = "Revised." });
                    break;
                default:
                    await host.Post(Officer, $"{url}/reassign", new { owner = officers[random.Next(officers.Length)] });
                    break;
            }
        }
        var certificate = $"/api/v1/certificates/{(await host.AnIssuedCertificate(Officer, issuedOn: "2013-06-20")).Id}";
        await host.Post(Officer, $"{certificate}/suspend", new { on = "2014-01-10", reason = "Land unused." });
        await host.Post(Officer, $"{certificate}/resume", new { on = "2014-03-01", note = "Works restarted." });
        var investor = await host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"Renamed {Guid.NewGuid():N}", "KR"));
        await host.Put(Officer, $"/api/v1/investors/{investor.Id}", InvestorRequests.Profile($"Renamed again {Guid.NewGuid():N}", "KR"), ifMatch: "\"1\"");
        await host.Put(Admin, "/api/v1/zones/dung-quat/targets/2015", new { minimumUsd = "1", maximumUsd = "2", decision = "1/QĐ", decidedOn = "2014-01-08" });
        await host.Put(Admin, "/api/v1/zones/dung-quat/targets/2015", new { minimumUsd = "1", maximumUsd = "3", decision = "2/QĐ", decidedOn = "2014-06-08" });
        const string standard = "/api/v1/zones/tinh-phong/service-standard";
        var etag = (await host.Send(Admin, s => s.Get.Url(standard))).Header("ETag");
        await host.Put(Admin, standard, new { workingDays = 3, reason = "Charter." }, ifMatch: etag);
    }

    /// <summary>
    /// Every read model's rows, by table and id, as JSON, every column but the time of the write; and every projection's
    /// progression but the time it was written.
    /// </summary>
    private async Task<List<(string Table, string Id, string Row)>> Rows()
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        var tables = await ReadModelTables.List(connection);
        var rows = new List<(string, string, string)>();
        foreach (var (table, key, without) in tables.Select(t => (t, "id", "'mt_last_modified'")).Append(("mt_event_progression", "name", "'last_updated'")))
        {
            await using var select = new Npgsql.NpgsqlCommand($"select {key}::text, (to_jsonb(t) - {without})::text from investment.{table} t order by {key}", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((table, reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }
}
