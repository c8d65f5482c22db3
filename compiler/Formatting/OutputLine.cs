namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// A line of the output as written, before trailing comments are aligned:
/// <see cref="Code"/> with its indent (or a whole comment line, or empty for a blank
/// line) and the comments that trail the code, if any.
/// </summary>
internal sealed record OutputLine(string Code, string? Trailing = null)
{
    public static readonly OutputLine Blank = new("");
}
