using System.Collections.Concurrent;
using System.Reflection;
using Investment.Api.EventStore;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Investment.Api.Tests.Infrastructure.StopServersAtTheEnd", "Investment.Api.Tests")]

namespace Investment.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL servers a test run started, stopped when it ends, so that a run leaves no server behind (each fresh
/// clone's run would leave two more). A server that was already running when the run began (kept by an earlier run) is
/// left alone. Set INVESTMENT_TEST_KEEP_POSTGRES=1 to keep the servers running between runs: the next run then saves
/// their start-up (about a second each).
/// </summary>
public sealed class StartedServers(bool keep)
{
    public const string KeepVariable = "INVESTMENT_TEST_KEEP_POSTGRES";

    private readonly ConcurrentDictionary<string, LocalPostgres.Options> started = new();

    public static bool KeepRequested => Environment.GetEnvironmentVariable(KeepVariable) is "1" or "true" or "yes";

    public string EnsureRunning(LocalPostgres.Options options)
    {
        var wasRunning = LocalPostgres.IsRunning(options);
        var server = LocalPostgres.EnsureRunning(options);
        if (!wasRunning && !keep) started.TryAdd(Path.GetFullPath(options.DataDirectory), options);
        return server;
    }

    public void StopAll()
    {
        foreach (var (directory, options) in started)
        {
            if (!started.TryRemove(directory, out _)) continue;
            try
            {
                LocalPostgres.Stop(options);
            }
            catch (Exception e) when (e is NoDatabaseException or IOException or InvalidOperationException)
            {
                // Nothing more to do at the end of a run: the next run reuses or restarts it.
            }
        }
    }
}

public static class TestServers
{
    /// <summary>The servers this test run started.</summary>
    public static readonly StartedServers OfThisRun = Create();

    private static StartedServers Create()
    {
        var servers = new StartedServers(StartedServers.KeepRequested);
        // A run stopped half-way (Ctrl+C, a crash of the runner) may not reach the end of the assembly: stop them then too.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => servers.StopAll();
        return servers;
    }
}

/// <summary>xunit's own framework, which stops this run's servers once the last test of the assembly has finished.</summary>
public sealed class StopServersAtTheEnd(IMessageSink sink) : XunitTestFramework(sink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName name, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkExecutor(name, source, sink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics,
        IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            TestServers.OfThisRun.StopAll();
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
