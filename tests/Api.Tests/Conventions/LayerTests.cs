using System.Text.RegularExpressions;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Conventions;

/// <summary>
/// Shared code sits below the features: Http (the pipeline) knows no storage and no endpoint conventions, Endpoints and
/// EventStore know no feature, and nothing shared names a feature's type. Read from the source, type names taken from
/// the assembly, so a global using cannot hide a dependency.
/// </summary>
public sealed class LayerTests
{
    private static readonly string[] Features = ["Zones", "Investors", "Leads", "Certificates", "Targets", "Reports", "Dashboard", "Imports"];

    [Theory]
    [InlineData("Http")]
    [InlineData("Endpoints")]
    [InlineData("EventStore")]
    [InlineData("OpenApi")]
    [InlineData("Health")]
    [InlineData("Operations")]
    [InlineData("Language")]
    [InlineData("Documents")]
    [InlineData("Charts")]
    public void shared_code_names_no_feature(string folder) =>
        Assert.Empty(Uses(folder, Features.SelectMany(TypesOf).Concat(Features.Select(f => $"Investment.Api.{f}"))));

    [Fact]
    public void the_http_pipeline_names_neither_the_event_store_nor_the_endpoint_conventions() =>
        Assert.Empty(Uses("Http", TypesOf("EventStore").Concat(TypesOf("Endpoints")).Concat(["Marten", "JasperFx", "IDocumentSession", "IQuerySession"])));

    [Fact]
    public void the_endpoint_conventions_name_nothing_of_the_event_store() =>
        Assert.Empty(Uses("Endpoints", TypesOf("EventStore")));

    private static IEnumerable<string> TypesOf(string folder) =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == $"Investment.Api.{folder}" && !t.Name.Contains('<', StringComparison.Ordinal) && t.IsPublic)
            .Select(t => t.Name.Split('`')[0]);

    private static List<string> Uses(string folder, IEnumerable<string> names)
    {
        var pattern = new Regex($@"(?<![.\w])({string.Join('|', names.Distinct().Select(Regex.Escape))})\b");
        return [.. Directory.EnumerateFiles(Path.Combine(TestDatabase.RepositoryRoot(), "src", "Api", folder), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file)
                .Select((line, i) => (line, i))
                .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
                .Where(x => pattern.IsMatch(x.line))
                .Select(x => $"{Path.GetFileName(file)}:{x.i + 1}: {pattern.Match(x.line).Value}"))];
    }
}
