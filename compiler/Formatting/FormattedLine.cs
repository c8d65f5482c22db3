namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// One line of canonical output before comments are woven in. <see cref="Anchor"/>
/// is the source offset of the line's first token: comments are attached to lines
/// through it, so that a comment travels with its clause when clauses are reordered.
/// </summary>
/// <param name="BlankLineAbove">
/// The user left a blank line above this line (or above the comments that go with it)
/// and the layout keeps it: it separates two groups of entries or clauses.
/// </param>
/// <param name="ClosesBlock">
/// A closing brace: comments before it belong to the block's body, so they take the
/// inner indent, and a blank line right above the brace itself is not kept.
/// </param>
internal sealed record FormattedLine(int Indent, string Text, int Anchor, bool BlankLineAbove = false, bool ClosesBlock = false)
{
    public int CommentIndent => ClosesBlock ? Indent + LineBuilder.IndentSize : Indent;
}
