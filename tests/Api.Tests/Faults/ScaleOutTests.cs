using System.Collections.Concurrent;
using System.Net.Http.Json;
using Investment.Api.Http;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Investment.Domain.Investors;

namespace Investment.Api.Tests.Faults;

/// <summary>
/// Two instances share one database; the async projections run exactly once between them (HotCold election). When the
/// instance running them dies, the other takes over and the totals stay exact.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ScaleOutTests
{
    [Fact]
    public async Task two_instances_share_the_projections_and_one_takes_over_when_the_other_dies()
    {
        var database = FaultCluster.Database("scale");
        var token = TestTokens.For(Roles.Officer, "officer.scale");
        await using var first = new ApiProcess(database);
        await using var second = new ApiProcess(database);
        await first.Start();
        await second.Start();
        using var one = first.Client(token);
        using var two = second.Client(token);
        var investor = await (await one.PostAsJsonAsync("/api/v1/investors", InvestorRequests.Profile($"Scale {Guid.NewGuid():N}", "SG"))).Content
            .ReadFromJsonAsync<Investor>(Infrastructure.Scenarios.Answers);

        var acknowledged = new ConcurrentBag<decimal>();
        async Task Write(HttpClient client, int count, int seed)
        {
            for (var i = 0; i < count; i++)
            {
                var amount = (seed + i) * 3.03m;
                using var response = await client.PostAsJsonAsync("/api/v1/certificates", CertificateRequests.Certificate(investor!.Id.ToString(),
                    capital: LeadRequests.Usd(amount), issuedOn: "2014-04-04", zone: "tinh-phong", schedule: []));
                if ((int)response.StatusCode == 201) acknowledged.Add(amount);
            }
        }

        await Task.WhenAll(Write(one, 40, 1), Write(two, 40, 1000));
        await Converges(two, database);
        first.Kill(); // whichever instance held the projections, the other must carry on
        await Write(two, 40, 5000);
        await Converges(two, database);
        Assert.Equal(120, acknowledged.Count);
    }

    [Fact]
    public async Task each_instance_answers_as_known_on_a_date_with_what_the_other_wrote_back_dated()
    {
        var database = FaultCluster.Database("asof");
        var token = TestTokens.For(Roles.Officer, "officer.asof");
        await using var first = new ApiProcess(database);
        await using var second = new ApiProcess(database);
        await first.Start();
        await second.Start();
        using var one = first.Client(token);
        using var two = second.Client(token);
        var investor = await (await one.PostAsJsonAsync("/api/v1/investors", InvestorRequests.Profile($"As of {Guid.NewGuid():N}", "JP"))).Content
            .ReadFromJsonAsync<Investor>(Infrastructure.Scenarios.Answers);
        async Task<Guid> Issue(HttpClient client, decimal amount, string on)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/certificates", CertificateRequests.Certificate(investor!.Id.ToString(),
                capital: LeadRequests.Usd(amount), issuedOn: on, zone: "quang-phu", schedule: []));
            Assert.Equal(201, (int)response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Investment.Domain.Certificates.Certificate>(Infrastructure.Scenarios.Answers))!.Id;
        }

        // Each instance reads (and keeps) the zone's facts, then the other writes facts dated in the past.
        var certificate = await Issue(one, 100.00m, "2013-04-04");
        Assert.Equal(100.00m, await AsKnownOnWhenSettled(one, 100.00m));
        Assert.Equal(100.00m, await AsKnownOnWhenSettled(two, 100.00m));
        await Issue(two, 20.20m, "2013-02-02");
        using var amended = await two.PostAsJsonAsync($"/api/v1/certificates/{certificate}/amendments",
            new { on = "2013-05-05", capitalChange = LeadRequests.Usd(3.03m), reason = "back-dated" });
        Assert.Equal(200, (int)amended.StatusCode);
        Assert.Equal(123.23m, await AsKnownOnWhenSettled(one, 123.23m));
        Assert.Equal(123.23m, await AsKnownOnWhenSettled(two, 123.23m));
    }

    /// <summary>Waits (up to a minute) until the zone's 2013 figure as known on a day after every write equals <paramref name="expected"/>.</summary>
    private static async Task<decimal> AsKnownOnWhenSettled(HttpClient client, decimal expected)
    {
        decimal attracted = -1;
        for (var attempt = 0; attempt < 240 && attracted != expected; attempt++)
        {
            var progress = await client.GetFromJsonAsync<Investment.Api.Reports.ZoneProgress>("/api/v1/zones/quang-phu/progress/2013?asOf=2099-12-31", Infrastructure.Scenarios.Answers);
            attracted = progress!.AttractedUsd;
            if (attracted != expected) await Task.Delay(250);
        }
        return attracted;
    }

    /// <summary>The zone's total, read through the API, reaches the independent sum of the stored events.</summary>
    private static async Task Converges(HttpClient client, string database)
    {
        var stored = await FaultCluster.StoredCapital(database, "tinh-phong");
        Assert.Equal(stored, await FaultCluster.AttractedWhenSettled(client, "tinh-phong", 2014, stored));
    }
}

[Collection(FaultsCollection.Name)]
public sealed class CommandTests
{
    [Fact]
    public async Task the_commands_apply_the_schema_seed_the_zones_and_rebuild_every_projection()
    {
        var database = FaultCluster.Database("commands");

        var applied = await ApiProcess.RunCommand(database, "apply-database-changes");
        var rebuilt = await ApiProcess.RunCommand(database, "rebuild-projections");

        Assert.True(applied.ExitCode == 0, applied.Output);
        Assert.Contains("Database schema and reference data up to date", applied.Output);
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var zones = new Npgsql.NpgsqlCommand("select count(*) from investment.mt_doc_zonedetails", connection);
        Assert.Equal(Investment.Api.Zones.ZoneSeed.Streams.Count(), (long)(await zones.ExecuteScalarAsync())!);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Output);
        Assert.Contains("Rebuilt 7 projections", rebuilt.Output);
    }

    /// <summary>
    /// The rebuild command's settings (projections at once, events per page) change how fast it goes, never what it
    /// stores: four projections at once over pages of 7 events, so that a document is written again on many pages, store
    /// exactly what one projection at a time over pages of 500 stores.
    /// </summary>
    [Fact]
    public async Task a_rebuild_stores_the_same_documents_whatever_its_page_size_and_concurrency()
    {
        var database = FaultCluster.Database("rebuild_settings");
        var applied = await ApiProcess.RunCommand(database, new Dictionary<string, string> { ["Seed__DemoData"] = "true" }, "apply-database-changes");
        Assert.True(applied.ExitCode == 0, applied.Output);

        var oneAtATime = await ApiProcess.RunCommand(database, new Dictionary<string, string>
        {
            ["EventStore__Rebuild__AtOnce"] = "1", ["EventStore__Rebuild__BatchSize"] = "500",
        }, "rebuild-projections");
        Assert.True(oneAtATime.ExitCode == 0, oneAtATime.Output);
        var expected = await Documents(database);
        Assert.Contains(expected, d => d.Table == "mt_doc_pipelineentry");
        Assert.Contains(expected, d => d.Table == "mt_doc_certificatedetails");

        var smallPages = await ApiProcess.RunCommand(database, new Dictionary<string, string>
        {
            ["EventStore__Rebuild__AtOnce"] = "4", ["EventStore__Rebuild__BatchSize"] = "7",
        }, "rebuild-projections");
        Assert.True(smallPages.ExitCode == 0, smallPages.Output);
        Assert.Equal(expected, await Documents(database));
    }

    /// <summary>Every read model's rows, by table and id, as JSON (key order normalised).</summary>
    private static async Task<List<(string Table, Guid Id, string Data)>> Documents(string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        var tables = await ReadModelTables.List(connection);
        var documents = new List<(string, Guid, string)>();
        foreach (var table in tables)
        {
            // Every column (the duplicated ones too) but the write's time and, for documents without a stream, its random version.
            await using var select = new Npgsql.NpgsqlCommand(
                $"select id, (to_jsonb(t) - 'mt_last_modified' - 'mt_version')::text from investment.{table} t order by id", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) documents.Add((table, reader.GetGuid(0), reader.GetString(1)));
        }
        return documents;
    }
}
