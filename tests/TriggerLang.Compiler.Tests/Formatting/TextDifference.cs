namespace TriggerLang.Compiler.Tests.Formatting;

/// <summary>Where a formatted text first differs from the expected one, for failure messages.</summary>
internal static class TextDifference
{
    public static string Describe(string? expected, string actual, string expectedLabel = "expected", string actualLabel = "actual")
    {
        if (expected is null)
        {
            return " (the expected file does not exist yet)";
        }
        var width = Math.Max(expectedLabel.Length, actualLabel.Length) + 1;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return $"\nfirst difference at line {i + 1}:\n  {(expectedLabel + ":").PadRight(width)} {e}\n  {(actualLabel + ":").PadRight(width)} {a}";
            }
        }
        return "";
    }
}
