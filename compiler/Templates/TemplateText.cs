using Scriban.Parsing;
using Scriban.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// Questions about the template text around Scriban nodes. Scriban's spans are UTF-16
/// offsets with an inclusive end, and some are unset (-1) or inverted (end before start,
/// e.g. on function calls with arguments), so every span is checked before use.
/// </summary>
internal static class TemplateText
{
    /// <summary>The node's span as a half-open range, or null when Scriban left it unset or inverted.</summary>
    public static TextSpan? SpanOf(ScriptNode? node, string text) => node is null ? null : SpanOf(node.Span, text);

    public static TextSpan? SpanOf(SourceSpan span, string text)
    {
        var start = span.Start.Offset;
        var end = span.End.Offset;
        return start < 0 || end < start || end >= text.Length ? null : TextSpan.FromBounds(start, end + 1);
    }

    /// <summary>The characters a name occupies: the node's span, or at least the name's length from its start.</summary>
    public static TextSpan NameSpan(ScriptNode node, string name, string text)
    {
        if (SpanOf(node, text) is { } span)
        {
            return span;
        }
        var start = Math.Clamp(node.Span.Start.Offset, 0, text.Length);
        return new TextSpan(start, Math.Min(name.Length, text.Length - start));
    }

    /// <summary>
    /// True when the name directly follows <c>{%</c> (allowing <c>{%-</c> and spaces): Scriban's Liquid
    /// parser turns tags it does not know (and <c>cycle</c>, <c>include</c>) into function calls.
    /// </summary>
    public static bool IsTagName(TextSpan name, string text)
    {
        var i = name.Start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }
        if (i >= 0 && text[i] is '-' or '~')
        {
            i--;
        }
        return i >= 1 && text[i] == '%' && text[i - 1] == '{';
    }

    /// <summary>
    /// True for the key of a named filter argument (<c>k</c> in <c>| t: k: v</c>): Scriban lists
    /// the key among the arguments as if it were a variable.
    /// </summary>
    public static bool IsNamedArgumentKey(TextSpan name, string text)
    {
        var i = name.End;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i < text.Length && text[i] == ':';
    }

    /// <summary>True for <c>{% increment x %}</c> / <c>{% decrement x %}</c>, which Scriban lowers to <c>x + 1</c> with no trace of the tag.</summary>
    public static bool IsCounterTag(ScriptExpressionStatement statement, string text, out ScriptVariable? counter)
    {
        counter = null;
        if (statement.Expression is not ScriptBinaryExpression { Left: ScriptVariable variable } || SpanOf(statement, text) is not { } span)
        {
            return false;
        }
        var source = text.AsSpan(span.Start, span.Length);
        var isCounter = StartsWithWord(source, "increment") || StartsWithWord(source, "decrement");
        counter = isCounter ? variable : null;
        return isCounter;
    }

    /// <summary>The length of the word (or single character) at <paramref name="offset"/>: where Scriban gives only a start.</summary>
    public static int TokenLength(string text, int offset)
    {
        if (offset >= text.Length)
        {
            return 0;
        }
        var end = offset;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }
        return Math.Max(1, end - offset);
    }

    private static bool StartsWithWord(ReadOnlySpan<char> source, string word) =>
        source.StartsWith(word, StringComparison.Ordinal) && (source.Length == word.Length || char.IsWhiteSpace(source[word.Length]));
}
