using Investment.Api.EventStore;
using Npgsql;

namespace Investment.Api.Tests.Database;

/// <summary>The connection settings the benchmark showed the API needs (EventStoreSetup.Tuned).</summary>
public sealed class ConnectionTuningTests
{
    [Fact]
    public void statements_are_prepared_and_connections_not_reset_when_the_connection_string_is_silent()
    {
        var tuned = new NpgsqlConnectionStringBuilder(EventStoreSetup.Tuned("Host=db.example;Database=investment;Username=api"));

        Assert.Equal(200, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db.example", tuned.Host);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=20", 20)]
    [InlineData("Host=db.example;MaxAutoPrepare=0", 0)] // behind PgBouncer in transaction mode
    [InlineData("Host=db.example;max auto prepare=0", 0)]
    public void an_operator_choice_of_prepared_statements_is_kept(string connectionString, int expected)
    {
        var tuned = new NpgsqlConnectionStringBuilder(EventStoreSetup.Tuned(connectionString));

        Assert.Equal(expected, tuned.MaxAutoPrepare);
    }
}
