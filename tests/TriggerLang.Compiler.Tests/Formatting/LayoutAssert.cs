namespace TriggerLang.Compiler.Tests.Formatting;

internal static class LayoutAssert
{
    /// <summary>
    /// LF only, no trailing whitespace, no run of blank lines, one final newline (or an
    /// empty file), and no blank line just inside a block's braces.
    /// </summary>
    public static void IsCanonicalWhitespace(string text)
    {
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return;
        }
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal), "the file ends with a blank line");
        Assert.False(text.StartsWith('\n'), "the file starts with a blank line");
        var lines = text[..^1].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.False(lines[i].EndsWith(' ') || lines[i].EndsWith('\t'), $"line {i + 1} ends with whitespace: \"{lines[i]}\"");
            if (lines[i].Length > 0)
            {
                continue;
            }
            // Code lines only: a comment may end in a brace, and the corpora have no block comment whose inner line does.
            Assert.False(lines[i - 1].EndsWith(" {", StringComparison.Ordinal) && !IsComment(lines[i - 1]), $"line {i + 1} is a blank line right after {{");
            Assert.False(lines[i + 1].Trim() == "}", $"line {i + 1} is a blank line right before }}");
        }
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.Contains("/*", StringComparison.Ordinal);
}
