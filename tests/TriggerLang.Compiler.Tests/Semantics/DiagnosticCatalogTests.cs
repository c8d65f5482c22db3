using System.Text.RegularExpressions;
using TriggerLang.Compiler.Diagnostics;

namespace TriggerLang.Compiler.Tests.Semantics;

public partial class DiagnosticCatalogTests
{
    /// <summary>Produced only by other suites: the CLI tests (project loading) and the syntax and template suites.</summary>
    private static readonly HashSet<string> CoveredElsewhere = new(StringComparer.Ordinal)
    {
        "TRG0101", // NoSourceFiles: TriggerLang.Cli.Tests, an empty folder
        "TRG0102", // UnreadableFile: TriggerLang.Cli.Tests, a file without read permission
        "TRG0104", // UnusableFolder: TriggerLang.Cli.Tests, a missing folder or a file given as the folder
        "TRG0901", // InternalError: a compiler bug by definition; no input may produce it
    };

    /// <summary>Syntax and templates have their own suites; plugin manifests (TRG07xx) are tested through `trig check --plugins` (PluginManifestCheckTests).</summary>
    private static bool IsOtherSuitesRange(string code) => code.StartsWith("TRG00", StringComparison.Ordinal)
        || code.StartsWith("TRG05", StringComparison.Ordinal)
        || code.StartsWith("TRG07", StringComparison.Ordinal);

    [GeneratedRegex(@"^TRG\d{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[^()]+\(\d+,\d+\): (error|warning|info) (TRG\d{4}): .+$")]
    private static partial Regex BaselineLine();

    [Fact]
    public void Every_code_is_TRG_and_four_digits()
    {
        Assert.All(DiagnosticCatalog.All, d => Assert.Matches(CodePattern(), d.Code));
    }

    [Fact]
    public void Every_code_is_unique()
    {
        var duplicates = DiagnosticCatalog.All.GroupBy(d => d.Code).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_descriptor_has_a_title()
    {
        Assert.All(DiagnosticCatalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code));
    }

    [Fact]
    public void Every_descriptor_is_produced_by_a_baseline_or_covered_elsewhere()
    {
        var produced = BaselineCodes().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var missing = DiagnosticCatalog.All
            .Select(d => d.Code)
            .Where(code => !produced.Contains(code) && !CoveredElsewhere.Contains(code) && !IsOtherSuitesRange(code));
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_baseline_line_names_a_catalogued_code_with_its_severity()
    {
        var catalog = DiagnosticCatalog.All.ToDictionary(d => d.Code, d => d.Severity.ToString().ToLowerInvariant());
        Assert.All(BaselineCodes(), line =>
        {
            Assert.True(catalog.TryGetValue(line.Code, out var severity), $"{line.Code} is not in the catalog");
            Assert.Equal(severity, line.Severity);
        });
    }

    private static IEnumerable<(string Code, string Severity)> BaselineCodes()
    {
        foreach (var path in ProjectBaseline.BaselinePaths())
        {
            foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0))
            {
                var match = BaselineLine().Match(line);
                Assert.True(match.Success, $"{Path.GetFileName(path)}: not a diagnostic line: {line}");
                yield return (match.Groups[2].Value, match.Groups[1].Value);
            }
        }
    }
}
