using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Faults;

/// <summary>The API as a real process of its own (Kestrel on loopback), so that a test can kill it with SIGKILL.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly string connectionString;
    private Process? process;

    private readonly string daemon;

    /// <param name="daemon">The async daemon's mode: HotCold lets several processes share the database.</param>
    public ApiProcess(string connectionString, string daemon = "HotCold")
    {
        this.connectionString = connectionString;
        this.daemon = daemon;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public int Port { get; }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task Start()
    {
        var start = Info(connectionString, "--urls", $"http://127.0.0.1:{Port}");
        start.Environment["RateLimiting__PermitsPerMinute"] = "1000000";
        start.Environment["EventStore__AsyncDaemon"] = daemon;
        foreach (var (key, value) in TestTokens.Configuration) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (process.HasExited) throw new InvalidOperationException($"The API exited with code {process.ExitCode}.");
            await Task.Delay(250);
        }
        throw new TimeoutException("The API did not become ready.");
    }

    /// <summary>Runs the API's executable once with arguments (a command) and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunCommand(string connectionString, params string[] arguments) =>
        RunCommand(connectionString, new Dictionary<string, string>(), arguments);

    /// <param name="environment">Settings of this run only, as environment variables (e.g. EventStore__Rebuild__AtOnce).</param>
    public static async Task<(int ExitCode, string Output)> RunCommand(string connectionString, IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var info = Info(connectionString, arguments);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The API's executable, built beside the tests, with its output captured, on the given database.</summary>
    private static ProcessStartInfo Info(string connectionString, params string[] arguments)
    {
        var bin = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(bin, "Investment.Api.dll"), .. arguments])
        {
            WorkingDirectory = bin,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        return start;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an out-of-memory kill would end it.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false }) Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
