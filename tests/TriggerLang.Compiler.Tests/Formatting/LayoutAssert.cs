namespace TriggerLang.Compiler.Tests.Formatting;

internal static class LayoutAssert
{
    /// <summary>LF only, no trailing whitespace, no run of blank lines, one final newline (or an empty file).</summary>
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
        }
    }
}
