using Investment.Api.Database;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Faults;

/// <summary>A PostgreSQL cluster of the fault tests' own, which they stop and start; the other tests' server is never touched.</summary>
public static class FaultCluster
{
    private static readonly LocalPostgres.Options Options =
        new(Path.Combine(TestDatabase.RepositoryRoot(), ".local", "postgres-faults"), 54331, FastAndUnsafe: true);

    public static string Start() => LocalPostgres.EnsureRunning(Options);

    public static void Stop() => LocalPostgres.Stop(Options);

    /// <summary>A fresh database on the cluster; short timeouts so that an outage answers quickly instead of hanging.</summary>
    public static string Database(string purpose) =>
        LocalPostgres.EnsureDatabase(Start(), $"fault_{purpose}_{Guid.NewGuid():N}") + ";Timeout=3;Command Timeout=10;Cancellation Timeout=2";
}
