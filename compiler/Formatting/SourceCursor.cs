using System.Collections.Immutable;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Reads the source being formatted. The syntax tree has no tokens for braces,
/// <c>else</c> or whitespace, so the formatter finds them here, stepping over
/// whitespace and comments exactly as the lexer does.
/// </summary>
internal sealed class SourceCursor
{
    private readonly string _text;
    private readonly ImmutableArray<CommentTrivia> _comments;

    public SourceCursor(CompilationUnitSyntax root)
    {
        _text = root.File.Text;
        _comments = root.Comments;
    }

    /// <summary>The exact source text: literals keep their escapes and spelling.</summary>
    public string Text(TextSpan span) => _text.Substring(span.Start, span.Length);

    /// <summary>The first offset at or after <paramref name="position"/> that is code, or -1 at end of file.</summary>
    public int NextCode(int position)
    {
        var i = Math.Max(0, position);
        while (i < _text.Length)
        {
            if (IsWhitespace(_text[i]))
            {
                i++;
            }
            else if (CommentAt(i) is { } comment)
            {
                i = comment.Span.End;
            }
            else
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The last offset before <paramref name="position"/> that is code, or -1 at start of file.</summary>
    public int PreviousCode(int position)
    {
        var i = Math.Min(position, _text.Length) - 1;
        while (i >= 0)
        {
            if (IsWhitespace(_text[i]))
            {
                i--;
            }
            else if (CommentAt(i) is { } comment)
            {
                i = comment.Span.Start - 1;
            }
            else
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Past the optional comma that may follow an entry at <paramref name="position"/> (entry spans do not include it).</summary>
    public int SkipComma(int position)
    {
        var next = NextCode(position);
        return next >= 0 && _text[next] == ',' ? next + 1 : position;
    }

    /// <summary>The offset of the next code character after <paramref name="position"/>, which must be <paramref name="expected"/>.</summary>
    public int Expect(int position, char expected)
    {
        var found = NextCode(position);
        if (found < 0 || _text[found] != expected)
        {
            throw new InvalidOperationException($"The formatter expected '{expected}' after offset {position}; the syntax tree and the source disagree.");
        }
        return found;
    }

    public bool HasCommentWithin(int start, int end) => _comments.Any(c => c.Span.Start >= start && c.Span.End <= end);

    public bool HasNewline(int start, int end)
    {
        for (var i = Math.Max(0, start); i < end && i < _text.Length; i++)
        {
            if (_text[i] is '\n' or '\r')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when a blank line separates the line before <paramref name="anchor"/>
    /// (its code and the comments trailing it) from what follows: the comments on
    /// their own lines above the anchor, or the anchor itself. A comment trails the
    /// code before it when no line break comes between them, as in <see cref="CommentWeaver"/>.
    /// </summary>
    public bool StartsParagraph(int anchor)
    {
        var previous = PreviousCode(anchor);
        foreach (var comment in _comments)
        {
            if (comment.Span.Start > previous && comment.Span.End <= anchor && HasNewline(previous + 1, comment.Span.Start))
            {
                return FollowsBlankLine(comment.Span.Start);
            }
        }
        return FollowsBlankLine(anchor);
    }

    /// <summary>True when the whitespace right before <paramref name="position"/> holds a blank line (two line breaks or more).</summary>
    public bool FollowsBlankLine(int position)
    {
        var breaks = 0;
        for (var i = Math.Min(position, _text.Length) - 1; i >= 0 && IsWhitespace(_text[i]); i--)
        {
            // CRLF is one line break; a lone CR or LF is one too.
            if (_text[i] == '\n' || _text[i] == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n'))
            {
                breaks++;
            }
        }
        return breaks >= 2;
    }

    private CommentTrivia? CommentAt(int offset)
    {
        int low = 0, high = _comments.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var span = _comments[mid].Span;
            if (offset < span.Start)
            {
                high = mid - 1;
            }
            else if (offset >= span.End)
            {
                low = mid + 1;
            }
            else
            {
                return _comments[mid];
            }
        }
        return null;
    }

    // The lexer's whitespace: [ \t\r\n\f\uFEFF].
    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\f' or '\uFEFF';
}
