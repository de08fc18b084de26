using Investment.Api.EventStore;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Faults;

/// <summary>A PostgreSQL cluster of the fault tests' own, which they stop and start; the other tests' server is never touched.</summary>
public static class FaultCluster
{
    private static readonly LocalPostgres.Options Options =
        new(Path.Combine(TestDatabase.RepositoryRoot(), ".local", "postgres-faults"), 54331, FastAndUnsafe: true);

    public static string Start() => TestServers.OfThisRun.EnsureRunning(Options);

    public static void Stop() => LocalPostgres.Stop(Options);

    /// <summary>The registered capital of the certificates stored for a zone, summed in SQL from the raw events: no API involved.</summary>
    public static async Task<decimal> StoredCapital(string database, string zone)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select coalesce(sum((data -> 'capital' ->> 'amount')::numeric), 0) from investment.mt_events where type = 'certificate_issued' and data ->> 'zoneCode' = @zone",
            connection);
        command.Parameters.AddWithValue("zone", zone);
        return (decimal)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits (up to a minute) until the zone's attracted capital, read through the API, equals <paramref name="expected"/>; returns the last figure read.</summary>
    public static async Task<decimal> AttractedWhenSettled(HttpClient client, string zone, int year, decimal expected)
    {
        decimal attracted = -1;
        for (var attempt = 0; attempt < 240 && attracted != expected; attempt++)
        {
            var progress = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Investment.Api.Reports.ZoneProgress>(client, $"/api/v1/zones/{zone}/progress/{year}", Infrastructure.Scenarios.Answers);
            attracted = progress!.AttractedUsd;
            if (attracted != expected) await Task.Delay(250);
        }
        return attracted;
    }

    /// <summary>A fresh database on the cluster; short timeouts so that an outage answers quickly instead of hanging.</summary>
    public static string Database(string purpose) =>
        LocalPostgres.EnsureDatabase(Start(), $"fault_{purpose}_{Guid.NewGuid():N}") + ";Timeout=3;Command Timeout=10;Cancellation Timeout=2";
}
