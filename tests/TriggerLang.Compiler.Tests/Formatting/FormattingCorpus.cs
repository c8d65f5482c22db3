using System.Reflection;

namespace TriggerLang.Compiler.Tests.Formatting;

/// <summary>Where the formatter's test inputs live: the golden files and the repository's examples.</summary>
internal static class FormattingCorpus
{
    public const string ExpectedSuffix = ".formatted.trig";

    /// <summary>The golden files as copied beside the test assembly.</summary>
    public static string OutputDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "Formatting");

    /// <summary>The golden files in the source tree, where re-recording writes.</summary>
    public static string SourceDirectory =>
        Path.Combine(RepositoryRoot, "tests", "TriggerLang.Compiler.Tests", "TestData", "Formatting");

    /// <summary>The folder holding TriggerLang.sln.</summary>
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>Names of the golden cases: NAME.trig beside NAME.formatted.trig.</summary>
    public static IEnumerable<string> GoldenCases() =>
        Directory.EnumerateFiles(OutputDirectory, "*.trig")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.EndsWith(ExpectedSuffix, StringComparison.Ordinal))
            .Select(name => name[..^".trig".Length])
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Every input the formatter's invariants are checked on, as short names for
    /// <see cref="Resolve"/>: the golden inputs and their expected outputs, and each
    /// .trig file under the repository's examples/ (there may be none yet). Parsing
    /// waits for the test, so that a file that crashes the parser fails one test
    /// instead of test discovery.
    /// </summary>
    public static IEnumerable<string> InvariantInputs()
    {
        foreach (var name in GoldenCases())
        {
            yield return GoldenPrefix + name + ".trig";
            if (File.Exists(Path.Combine(OutputDirectory, name + ExpectedSuffix)))
            {
                yield return GoldenPrefix + name + ExpectedSuffix;
            }
        }
        foreach (var example in Examples())
        {
            yield return example;
        }
    }

    /// <summary>Each .trig file under the repository's examples/, as a path from the repository root with forward slashes.</summary>
    public static IEnumerable<string> Examples()
    {
        var examples = Path.Combine(RepositoryRoot, ExamplesFolder);
        if (!Directory.Exists(examples))
        {
            return [];
        }
        return Directory.EnumerateFiles(examples, "*.trig", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The full path of a name from <see cref="InvariantInputs"/>.</summary>
    public static string Resolve(string name) =>
        name.StartsWith(GoldenPrefix, StringComparison.Ordinal)
            ? Path.Combine(OutputDirectory, name[GoldenPrefix.Length..])
            : Path.Combine(RepositoryRoot, name);

    private const string GoldenPrefix = "golden:";
    private const string ExamplesFolder = "examples";
}
