using Investment.Api.EventStore;
using Npgsql;

namespace Investment.Api.Tests.Infrastructure;

/// <summary>
/// The tests' PostgreSQL: the server named by INVESTMENT_TEST_DATABASE (a connection string whose user may create
/// databases), else a throwaway local cluster in the repository's .local/postgres-test, started the way the run command
/// starts its own and stopped when the run ends (<see cref="StartedServers"/>). Each test run gets fresh databases, so
/// runs never see each other's data.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "INVESTMENT_TEST_DATABASE";
    public const int LocalPort = 54321;

    private static readonly Lazy<string> Server = new(StartServer, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database for one host and returns its connection string.</summary>
    public static string Create(string purpose)
    {
        var name = $"test_{purpose}_{Guid.NewGuid():N}";
        return LocalPostgres.EnsureDatabase(Server.Value, name);
    }

    private static string StartServer()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        var server = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : TestServers.OfThisRun.EnsureRunning(new LocalPostgres.Options(
                Path.Combine(RepositoryRoot(), ".local", "postgres-test"), LocalPort, FastAndUnsafe: true));
        DropLeftovers(server);
        return server;
    }

    /// <summary>Databases of earlier runs that were killed before they could clean up; ones in use are left alone.</summary>
    private static void DropLeftovers(string server)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        var names = new List<string>();
        using (var list = new NpgsqlCommand(
            "select datname from pg_database d where datname like 'test\\_%' and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)",
            connection))
        using (var reader = list.ExecuteReader())
            while (reader.Read()) names.Add(reader.GetString(0));
        foreach (var name in names)
        {
            try
            {
                using var drop = new NpgsqlCommand($"drop database if exists \"{name}\"", connection);
                drop.ExecuteNonQuery();
            }
            catch (PostgresException)
            {
                // Another run began using it meanwhile: it is theirs to drop.
            }
        }
    }

    public static string RepositoryRoot() =>
        DatabaseConnection.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests run from inside the repository (Investment.sln not found above " + AppContext.BaseDirectory + ").");
}
