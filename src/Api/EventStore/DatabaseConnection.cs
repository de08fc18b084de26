namespace Investment.Api.EventStore;

/// <summary>Where the event store lives: the configured connection string, else a local cluster started for the developer.</summary>
public static class DatabaseConnection
{
    public const string ConnectionStringName = "Marten";
    public const int LocalPort = 54320;

    public static string Resolve(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var repository = FindRepositoryRoot(contentRoot) ?? throw new NoDatabaseException(
            "No database is configured: set ConnectionStrings__Marten to a PostgreSQL connection string.");
        var server = LocalPostgres.EnsureRunning(new LocalPostgres.Options(
            Path.Combine(repository, ".local", "postgres"), LocalPort, FastAndUnsafe: false));
        return LocalPostgres.EnsureDatabase(server, "investment");
    }

    /// <summary>Whether start-up failed because PostgreSQL did not answer (wrapped however deep by Marten).</summary>
    public static bool IsUnreachable(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is System.Net.Sockets.SocketException or Npgsql.NpgsqlException { IsTransient: true } or TimeoutException
                or Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" }) return true; // admin shutdown, crash, cannot connect now
        return e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnreachable);
    }

    /// <summary>Where a connection string points, without its password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"host {builder.Host}, port {builder.Port}, database {builder.Database}";
    }

    /// <summary>The folder holding Investment.sln, looked for from the given folder upwards.</summary>
    public static string? FindRepositoryRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Investment.sln"))) return dir.FullName;
        return null;
    }
}
