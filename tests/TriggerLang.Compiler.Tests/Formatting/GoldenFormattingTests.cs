namespace TriggerLang.Compiler.Tests.Formatting;

/// <summary>
/// TestData/Formatting/NAME.trig must format to NAME.formatted.trig. To re-record
/// after an intended change: TRIG_UPDATE_BASELINES=1 dotnet test …, then review
/// the change with git diff.
/// </summary>
public class GoldenFormattingTests
{
    public static TheoryData<string> Cases => [.. FormattingCorpus.GoldenCases()];

    [Fact]
    public void There_are_golden_cases() => Assert.True(Cases.Count >= 8, $"only {Cases.Count} golden cases found in {FormattingCorpus.OutputDirectory}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Formats_as_recorded(string name)
    {
        var input = File.ReadAllText(Path.Combine(FormattingCorpus.OutputDirectory, name + ".trig"));
        var expectedPath = Path.Combine(FormattingCorpus.OutputDirectory, name + FormattingCorpus.ExpectedSuffix);
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        var actual = TrigSource.Format(input, name + ".trig");
        if (actual == expected)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("TRIG_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(Path.Combine(FormattingCorpus.SourceDirectory, name + FormattingCorpus.ExpectedSuffix), actual);
            return;
        }
        Assert.Fail(
            $"{name}.trig does not format to {name}{FormattingCorpus.ExpectedSuffix}{TextDifference.Describe(expected, actual)}\n"
            + $"---- actual output ----\n{actual}---- end of actual output ----\n"
            + "If the new output is right, re-record the expected files and review them:\n"
            + "  TRIG_UPDATE_BASELINES=1 dotnet test tests/TriggerLang.Compiler.Tests --artifacts-path /tmp/fmt-artifacts\n"
            + $"  git diff -- {FormattingCorpus.SourceDirectory}");
    }
}
