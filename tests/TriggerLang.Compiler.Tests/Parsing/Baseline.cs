namespace TriggerLang.Compiler.Tests.Parsing;

/// <summary>
/// Golden files under TestData: an input beside its expected output. A test
/// compares the actual text with the expected file; with the environment
/// variable <c>TRIG_UPDATE_BASELINES=1</c> it writes the actual text into the
/// source tree instead (review the diff before committing it: a baseline is a
/// specification).
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "TRIG_UPDATE_BASELINES";

    public static bool IsUpdating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The folder with TriggerLang.sln.</summary>
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>The TestData folder copied beside the test assembly.</summary>
    public static string OutputTestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    /// <summary>The names (without extension) of the inputs in <paramref name="folder"/>, for a theory's data.</summary>
    public static TheoryData<string> Cases(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(OutputTestData, folder), "*.trig").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }
        return data;
    }

    /// <summary>The text of <c>TestData/<paramref name="relativePath"/></c>.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(OutputTestData, relativePath));

    /// <summary>Asserts that <c>TestData/<paramref name="relativePath"/></c> holds <paramref name="actual"/>, or records it when updating.</summary>
    public static void Verify(string relativePath, string actual)
    {
        actual = Normalize(actual);
        if (IsUpdating)
        {
            var target = Path.Combine(RepositoryRoot, "tests", "TriggerLang.Compiler.Tests", "TestData", relativePath);
            File.WriteAllText(target, actual);
            File.WriteAllText(Path.Combine(OutputTestData, relativePath), actual);
            return;
        }
        var expectedPath = Path.Combine(OutputTestData, relativePath);
        var expected = File.Exists(expectedPath) ? Normalize(File.ReadAllText(expectedPath)) : null;
        if (expected != actual)
        {
            Assert.Fail(
                $"{(expected is null ? "missing baseline" : "baseline differs")}: TestData/{relativePath}\n"
                + $"re-record with: {UpdateVariable}=1 dotnet test tests/TriggerLang.Compiler.Tests (then review the diff)\n"
                + $"──── actual ────\n{actual}");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
