namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// One line of canonical output before comments are woven in. <see cref="Anchor"/>
/// is the source offset of the line's first token: comments are attached to lines
/// through it, so that a comment travels with its clause when clauses are reordered.
/// <see cref="CommentIndent"/> differs from <see cref="Indent"/> only on a closing
/// brace, where a comment before it belongs to the block's body.
/// </summary>
internal sealed record FormattedLine(int Indent, string Text, int Anchor, int CommentIndent);
