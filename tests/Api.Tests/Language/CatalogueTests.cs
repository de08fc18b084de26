using System.Reflection;
using System.Text.RegularExpressions;
using Investment.Api.Endpoints;
using Investment.Api.Http;
using Investment.Api.Language;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Reports;

namespace Investment.Api.Tests.Language;

/// <summary>
/// Every human-readable word the API writes exists in both languages: each code's label, each problem code's text,
/// each validator's message. The codes are found by reflection and the messages read from the sources, so a code or a
/// message added later without its Vietnamese fails here.
/// </summary>
public sealed class CatalogueTests
{
    /// <summary>The enums of the domain that answers and requests carry: all of them but those Labels declares not shown.</summary>
    private static IEnumerable<Type> ShownEnums() => typeof(Investment.Domain.Common.Money).Assembly.GetTypes()
        .Where(t => t.IsEnum && (t.IsPublic || t.IsNestedPublic) && !Labels.NotShown.Contains(t));

    /// <summary>The codes among these enums' values (and the counting rules) that lack a label in English or Vietnamese.</summary>
    private static List<string> MissingLabels(IEnumerable<Type> enums) =>
    [
        .. enums.SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Where(code => !Labels.Codes.TryGetValue(code, out var label) || string.IsNullOrWhiteSpace(label.English) || string.IsNullOrWhiteSpace(label.Vietnamese))
            .Select(code => $"{code.GetType().Name}.{code}"),
        .. typeof(CountingRule).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(CountingRule))
            .Select(f => ((CountingRule)f.GetValue(null)!).Code)
            .Where(code => !Labels.Named.ContainsKey((Labels.CountingRuleKind, code)) || !Labels.Named.ContainsKey((Labels.CountingRuleDescriptionKind, code)))
            .Select(code => $"countingRule.{code}"),
    ];

    [Fact]
    public void every_code_the_api_uses_has_a_label_in_english_and_in_vietnamese() => Assert.Empty(MissingLabels(ShownEnums()));

    private enum Unlabelled { SomethingNew }

    [Fact]
    public void a_code_added_without_a_label_is_reported() =>
        Assert.Equal(["Unlabelled.SomethingNew"], MissingLabels([typeof(Unlabelled)]));

    [Fact]
    public void the_reflection_finds_the_codes_of_the_domain() =>
        Assert.Superset(new HashSet<string> { "Sector", "LeadStage", "LeadSource", "ContactChannel", "CertificateStatus", "Progress", "RevocationGround",
            "InvestorChangeKind", "WatchRule", "MovementKind", "TargetPosition" }, ShownEnums().Select(t => t.Name).ToHashSet());

    [Fact]
    public void vietnamese_labels_are_written_in_vietnamese_with_their_diacritics() =>
        Assert.Empty(Labels.Codes.Values.Concat(Labels.Named.Values)
            .Where(l => l.Vietnamese == l.English || !l.Vietnamese.Any(c => c > 127))
            .Select(l => l.Vietnamese));

    [Fact]
    public void every_problem_code_has_its_vietnamese_text() =>
        Assert.Empty(ProblemTypes.All.Where(p => !ProblemTexts.Vietnamese.TryGetValue(p.Code, out var text) || string.IsNullOrWhiteSpace(text)).Select(p => p.Code));

    [Fact]
    public void the_vietnamese_texts_are_of_codes_that_exist() =>
        Assert.Equal([], ProblemTexts.Vietnamese.Keys.Where(code => ProblemTypes.All.All(p => p.Code != code)).ToList());

    /// <summary>WithMessage("…"), WithMessage($"…{x}…") and concatenations over several lines.</summary>
    private static readonly Regex Message = new(@"WithMessage\(\s*(\$?""(?:[^""\\]|\\.)*""(?:\s*\+\s*\$?""(?:[^""\\]|\\.)*"")*)\s*\)", RegexOptions.Singleline);

    [Fact]
    public void every_validator_message_has_its_vietnamese_line()
    {
        var messages = Directory.EnumerateFiles(Path.Combine(TestDatabase.RepositoryRoot(), "src", "Api"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Message.Matches(File.ReadAllText(file)).Select(m => (file: Path.GetFileName(file), text: Literal(m.Groups[1].Value))))
            .ToList();

        Assert.NotEmpty(messages);
        Assert.Empty(messages.Where(m => !FieldMessages.Covers(m.text)).Select(m => $"{m.file}: {m.text}"));
    }

    /// <summary>The text of a C# string expression: pieces joined, each interpolation as a value ("1").</summary>
    private static string Literal(string expression) => string.Concat(Regex.Matches(expression, @"\$?""((?:[^""\\]|\\.)*)""")
        .Select(piece => Regex.Replace(piece.Groups[1].Value, @"\{[^}]*\}", "1").Replace("\\\"", "\"", StringComparison.Ordinal)));
}
