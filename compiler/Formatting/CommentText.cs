namespace TriggerLang.Compiler.Formatting;

/// <summary>A comment's text as the formatter writes it: LF line ends and no trailing whitespace, otherwise verbatim.</summary>
internal static class CommentText
{
    public static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Select(line => line.TrimEnd()));
}
