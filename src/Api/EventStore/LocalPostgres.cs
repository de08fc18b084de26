using System.Diagnostics;
using Npgsql;

namespace Investment.Api.EventStore;

/// <summary>A database could not be found nor started; <see cref="Exception.Message"/> is the one sentence to show.</summary>
public sealed class NoDatabaseException(string message) : Exception(message);

/// <summary>
/// Creates (once) and starts a PostgreSQL cluster from the binaries on this machine, so that a newcomer needs no
/// database set-up: the run command keeps its cluster in the repository's git-ignored <c>.local/</c> folder, the tests
/// keep a throwaway one beside it. A cluster already running from an earlier run is reused. PostgreSQL refuses to run as
/// root, so when we are root it runs as the <c>postgres</c> OS user. It listens on 127.0.0.1 only and trusts local
/// connections: it is a developer's database, never a production one (production sets ConnectionStrings__Marten).
/// </summary>
public static class LocalPostgres
{
    public sealed record Options(string DataDirectory, int Port, bool FastAndUnsafe);

    private const string InstallHint =
        "install PostgreSQL (for example `apt-get install postgresql`) or set ConnectionStrings__Marten to an existing database";

    /// <summary>Ensures the cluster runs and returns a connection string to its maintenance database.</summary>
    public static string EnsureRunning(Options options)
    {
        var bin = FindBinaries() ?? throw new NoDatabaseException(
            $"No connection string is configured and no PostgreSQL binaries were found on PATH or in /usr/lib/postgresql/*/bin: {InstallHint}.");
        var asRoot = Environment.UserName == "root";
        var dataDir = asRoot ? ReachableByPostgres(options.DataDirectory) : Path.GetFullPath(options.DataDirectory);

        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
            Initialise(bin, dataDir, options, asRoot);

        if (Run(bin, "pg_ctl", ["status", "-D", dataDir], asRoot, TimeSpan.FromSeconds(10)).ExitCode != 0)
        {
            // Another cluster (another clone's, a system one) may hold the port: take the next free one.
            var port = FreePort(options.Port);
            File.WriteAllText(Path.Combine(dataDir, "port.conf"), $"port = {port}\n");
            var start = Run(bin, "pg_ctl", ["start", "-D", dataDir, "-w", "-t", "60", "-l", Path.Combine(dataDir, "server.log")],
                asRoot, TimeSpan.FromSeconds(90));
            if (start.ExitCode != 0)
                throw new NoDatabaseException(
                    $"The local PostgreSQL in {dataDir} did not start (see {dataDir}/server.log): {start.Output.Trim()}");
        }
        return $"Host=127.0.0.1;Port={RunningPort(dataDir)};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Stops the cluster at once, as a crash or an operator would (the fault tests use it).</summary>
    public static void Stop(Options options)
    {
        var (bin, dataDir, asRoot) = Locate(options);
        Run(bin, "pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "30"], asRoot, TimeSpan.FromSeconds(40));
    }

    /// <summary>Whether the cluster exists and its server runs (so that whoever starts it knows it did).</summary>
    public static bool IsRunning(Options options)
    {
        var (bin, dataDir, asRoot) = Locate(options);
        return File.Exists(Path.Combine(dataDir, "PG_VERSION"))
            && Run(bin, "pg_ctl", ["status", "-D", dataDir], asRoot, TimeSpan.FromSeconds(10)).ExitCode == 0;
    }

    private static (string Bin, string DataDir, bool AsRoot) Locate(Options options)
    {
        var bin = FindBinaries() ?? throw new NoDatabaseException("No PostgreSQL binaries found.");
        var asRoot = Environment.UserName == "root";
        return (bin, asRoot ? ReachableByPostgres(options.DataDirectory) : Path.GetFullPath(options.DataDirectory), asRoot);
    }

    /// <summary>Creates the database when it does not exist yet and returns a connection string to it.</summary>
    public static string EnsureDatabase(string maintenanceConnectionString, string database)
    {
        using var connection = new NpgsqlConnection(maintenanceConnectionString);
        connection.Open();
        using (var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"create database \"{database}\" encoding 'UTF8'", connection);
                create.ExecuteNonQuery();
            }
        }
        // A pooled connection is handed back without resetting its session state: this API sets none, and the reset
        // costs a round trip on every checkout (measured by the benchmark).
        return new NpgsqlConnectionStringBuilder(maintenanceConnectionString) { Database = database, Pooling = true, NoResetOnClose = true }.ConnectionString;
    }

    /// <summary>PostgreSQL's binaries: PATH first, then the newest of Debian's /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")));
        if (onPath is not null) return onPath;
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
            .Where(x => File.Exists(Path.Combine(x.Dir, "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    /// <summary>
    /// The postgres OS user must be able to walk to its data folder. A clone inside a closed home folder (/root is 0700)
    /// does not allow that; the cluster then lives under /var/tmp, in a folder named after the wanted one.
    /// </summary>
    private static string ReachableByPostgres(string wanted)
    {
        var dataDir = Path.GetFullPath(wanted);
        var parent = Path.GetDirectoryName(dataDir)!;
        Directory.CreateDirectory(parent);
        if (Run("/bin", "test", ["-x", parent], asRoot: true, TimeSpan.FromSeconds(10)).ExitCode == 0) return dataDir;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDir)))[..12];
        var fallback = Path.Combine("/var/tmp/investment-api", $"{Path.GetFileName(dataDir)}-{hash}");
        Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
        return fallback;
    }

    private static void Initialise(string bin, string dataDir, Options options, bool asRoot)
    {
        Directory.CreateDirectory(dataDir);
        if (asRoot)
        {
            Run("/bin", "chown", ["postgres:postgres", dataDir], asRoot: false, TimeSpan.FromSeconds(10));
        }
        var init = Run(bin, "initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
            asRoot, TimeSpan.FromSeconds(120));
        if (init.ExitCode != 0)
            throw new NoDatabaseException($"initdb failed for {dataDir}: {init.Output.Trim()}");

        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            "include_if_exists = 'port.conf'",
            "unix_socket_directories = ''",
            "max_connections = 200",
        };
        // Only the tests' throwaway cluster trades durability for speed (stack.md); the run command's never does.
        if (options.FastAndUnsafe)
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        File.AppendAllLines(Path.Combine(dataDir, "postgresql.conf"), settings);
    }

    private static int FreePort(int preferred)
    {
        for (var port = preferred; port < preferred + 50; port++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // taken: try the next one
            }
        }
        throw new NoDatabaseException($"No free port between {preferred} and {preferred + 49} on 127.0.0.1 for the local PostgreSQL.");
    }

    /// <summary>The port a running cluster listens on: the fourth line of its postmaster.pid.</summary>
    private static int RunningPort(string dataDir) =>
        int.Parse(File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).ElementAt(3), System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Result(int ExitCode, string Output);

    private static Result Run(string bin, string program, string[] arguments, bool asRoot, TimeSpan timeout)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asRoot)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", Path.Combine(bin, program)]) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = Path.Combine(bin, program);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new NoDatabaseException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, $"{program} did not finish within {timeout.TotalSeconds} s");
        }
        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }
}
