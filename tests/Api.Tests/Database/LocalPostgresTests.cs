using Investment.Api.EventStore;
using Investment.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Investment.Api.Tests.Database;

public sealed class LocalPostgresTests
{
    [Fact]
    public void a_running_local_cluster_is_found_and_reused()
    {
        if (Environment.GetEnvironmentVariable(TestDatabase.ServerVariable) is { Length: > 0 }) return; // an outside server: nothing local to reuse
        TestDatabase.Create("reuse"); // the tests' cluster runs from here on
        var options = new LocalPostgres.Options(Path.Combine(TestDatabase.RepositoryRoot(), ".local", "postgres-test"), TestDatabase.LocalPort, FastAndUnsafe: true);

        var first = LocalPostgres.EnsureRunning(options);
        var second = LocalPostgres.EnsureRunning(options);

        Assert.Equal(first, second);
        using var connection = new NpgsqlConnection(second);
        connection.Open();
        using var command = new NpgsqlCommand("show fsync", connection);
        Assert.Equal("off", command.ExecuteScalar());
    }

    [Fact]
    public void a_test_run_stops_the_servers_it_started_when_it_ends()
    {
        var options = ThrowawayCluster(54351);
        var run = new StartedServers(keep: false);
        var alreadyRunning = new StartedServers(keep: false);
        try
        {
            run.EnsureRunning(options);
            alreadyRunning.EnsureRunning(options); // a later run that found it running did not start it

            alreadyRunning.StopAll();
            Assert.True(LocalPostgres.IsRunning(options));
            run.StopAll();
            Assert.False(LocalPostgres.IsRunning(options));
        }
        finally
        {
            LocalPostgres.Stop(options);
        }
    }

    [Fact]
    public void a_developer_who_asks_to_keep_the_servers_finds_them_running_after_the_run()
    {
        var options = ThrowawayCluster(54361);
        var run = new StartedServers(keep: true);
        try
        {
            run.EnsureRunning(options);
            run.StopAll();
            Assert.True(LocalPostgres.IsRunning(options));
        }
        finally
        {
            LocalPostgres.Stop(options);
        }
    }

    [Fact]
    public void the_servers_of_this_run_are_stopped_unless_the_developer_asks_to_keep_them()
    {
        Assert.Equal("INVESTMENT_TEST_KEEP_POSTGRES", StartedServers.KeepVariable);
        Assert.Equal(Environment.GetEnvironmentVariable(StartedServers.KeepVariable) is "1" or "true" or "yes", StartedServers.KeepRequested);
    }

    private static LocalPostgres.Options ThrowawayCluster(int port) =>
        new(Path.Combine(TestDatabase.RepositoryRoot(), ".local", $"postgres-stop-{port}"), port, FastAndUnsafe: true);

    [Fact]
    public void ensuring_a_database_twice_keeps_the_first()
    {
        var connectionString = TestDatabase.Create("twice");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;

        Assert.Equal(connectionString, LocalPostgres.EnsureDatabase(server, builder.Database!));
    }

    [Fact]
    public void outside_the_repository_and_with_no_connection_string_the_error_says_what_to_set()
    {
        var error = Assert.Throws<NoDatabaseException>(() =>
            DatabaseConnection.Resolve(new ConfigurationBuilder().Build(), "/"));
        Assert.Contains("set ConnectionStrings__Marten", error.Message);
    }

    [Fact]
    public void a_configured_connection_string_is_used_as_it_is_and_nothing_is_started()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = "Host=db.example;Database=investment" })
            .Build();
        Assert.Equal("Host=db.example;Database=investment", DatabaseConnection.Resolve(configuration, "/"));
    }

    [Fact]
    public void the_repository_root_is_found_from_inside_it()
    {
        var root = DatabaseConnection.FindRepositoryRoot(AppContext.BaseDirectory);
        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "Investment.sln")));
        Assert.Null(DatabaseConnection.FindRepositoryRoot("/"));
    }
}
