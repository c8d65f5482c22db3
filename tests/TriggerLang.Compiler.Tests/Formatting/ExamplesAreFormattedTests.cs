namespace TriggerLang.Compiler.Tests.Formatting;

/// <summary>
/// The examples are what users copy: they must already be in the canonical layout,
/// so that <c>trig fmt --check examples/*</c> passes and a formatter change that
/// would rewrite them shows up here.
/// </summary>
public class ExamplesAreFormattedTests
{
    public static TheoryData<string> Examples => [.. FormattingCorpus.Examples()];

    [Fact]
    public void There_are_examples() => Assert.NotEmpty(Examples);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_is_formatted(string path)
    {
        var text = File.ReadAllText(FormattingCorpus.Resolve(path));
        var formatted = TrigSource.Format(text, path);
        if (formatted == text)
        {
            return;
        }
        var project = Path.GetDirectoryName(path)!.Replace('\\', '/');
        Assert.Fail(
            $"{path} is not in the canonical layout{TextDifference.Describe(formatted, text, "formatted", "in file")}\n"
            + "Format it from the repository root and review the change:\n"
            + $"  trig fmt {project}   (or: dotnet run --project cli -- fmt {project})\n"
            + $"  git diff -- {project}");
    }
}
