using Investment.Api.Http;
using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Contract;

/// <summary>Each problem's type is a stable URI per code that leads a person to what it means.</summary>
public sealed class ProblemTypeTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_problem_carries_its_code_trace_id_and_a_type_that_explains_the_code()
    {
        var problem = await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/leads/{Guid.NewGuid()}"))).ShouldBe(404, "lead.not_found");

        Assert.Equal("/problems/lead.not_found", problem.Type);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
        var page = await Host.Send(null, s => s.Get.Url(problem.Type!));
        Assert.Equal(200, page.Context.Response.StatusCode);
        Assert.StartsWith("text/html", page.Context.Response.ContentType);
        Assert.Contains("No lead has this id.", await page.ReadAsTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_code_named_after_a_parameter_leads_to_the_page_of_invalid_parameters()
    {
        var problem = await (await Host.Send(Officer, s => s.Get.Url("/api/v1/certificates?limit=0"))).ShouldBe(400, "request.invalid_limit");

        Assert.Equal($"/problems/{ProblemTypes.InvalidParameter}", problem.Type);
        Assert.Equal(200, (await Host.Send(null, s => s.Get.Url(problem.Type!))).Context.Response.StatusCode);
    }

    /// <summary>Every code the source can answer has a page: a new code without one fails here.</summary>
    [Fact]
    public void every_code_in_the_source_is_in_the_catalogue()
    {
        var root = TestDatabase.RepositoryRoot();
        var codes = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f),
                "(?:Refuse|Refusal|NotFound|BadRequest|Unprocessable|Make|Conflict)\\(\\s*(?:StatusCodes\\.\\w+,\\s*\"[^\"]*\",\\s*)?\"(?<code>[a-z]+\\.[a-z_A-Z]+)\"")
                .Select(m => m.Groups["code"].Value))
            .Distinct().Order().ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(ProblemTypes.Find(code) is not null, $"{code} has no entry in ProblemTypes.All"));
    }

    /// <summary>The README's table of errors names only codes the API answers and documents, with their status.</summary>
    [Fact]
    public void the_readme_section_on_errors_names_the_codes_of_the_catalogue()
    {
        var readme = File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("## Limits, errors and retries", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(line => line.StartsWith("| 4", StringComparison.Ordinal) || line.StartsWith("| 5", StringComparison.Ordinal));

        foreach (var row in rows)
        {
            var statuses = System.Text.RegularExpressions.Regex.Matches(row.Split('|')[1], "[0-9]{3}").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            foreach (var code in System.Text.RegularExpressions.Regex.Matches(row.Split('|')[2], "`(?<code>[a-z]+\\.[a-z_*]+)`").Select(m => m.Groups["code"].Value))
            {
                var type = ProblemTypes.Find(code.Replace("*", "x", StringComparison.Ordinal));
                Assert.True(type is not null, $"the README names {code}, which the catalogue lacks");
                Assert.Contains(type.Status, statuses);
            }
        }
    }
}
