using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// Turns Scriban's parse messages into TRG0501 diagnostics at the right place, in the
/// user's words where Scriban's are about its own syntax, and adds the one error Scriban
/// does not report: a template that ends inside an open <c>{{</c>, <c>{%</c> or comment.
/// </summary>
internal static partial class TemplateSyntaxErrors
{
    /// <summary>Reports the errors of a parsed template; true when there were any.</summary>
    public static bool Report(Template template, string text, Func<int, int, Location> locate, List<Diagnostic> diagnostics)
    {
        var count = diagnostics.Count;
        // One error per line: Scriban often reports a second, derived one at the same place.
        // Its errors at the end of the text (offset -1) all become the one unclosed opener: key -1.
        var lines = new HashSet<int>();
        foreach (var message in template.Messages)
        {
            if (message.Type == ParserMessageType.Error && lines.Add(message.Span.Start.Offset < 0 ? -1 : message.Span.Start.Line))
            {
                diagnostics.Add(Describe(message, text, locate));
            }
        }
        if (diagnostics.Count == count && template.Page?.Body?.Statements is { Count: > 0 } statements
            && statements[^1] is ScriptEscapeStatement { IsEntering: true } opener)
        {
            diagnostics.Add(Unclosed(TemplateText.SpanOf(opener, text)?.Start ?? LastOpener(text), text, locate));
        }
        return diagnostics.Count > count;
    }

    private static Diagnostic Describe(LogMessage message, string text, Func<int, int, Location> locate)
    {
        var start = message.Span.Start.Offset;
        // Offset -1: Scriban reached the end of the text inside a tag or output.
        if (start < 0 || start >= text.Length)
        {
            return Unclosed(LastOpener(text), text, locate);
        }
        var span = TemplateText.SpanOf(message.Span, text) ?? new TextSpan(start, TemplateText.TokenLength(text, start));
        var at = new DiagnosticBuilder(locate(span.Start, span.Length));
        if (MissingEnd().Match(message.Message) is { Success: true } missing)
        {
            return new DiagnosticBuilder(locate(start, TemplateText.TokenLength(text, start))).UnclosedTemplateBlock(missing.Groups[1].Value);
        }
        // Scriban appends its own grammar (`… in: for <variable> in <expression> ... end`), which is not Liquid.
        return at.TemplateSyntaxError(GrammarSuffix().Replace(message.Message, ""));
    }

    private static Diagnostic Unclosed(int opener, string text, Func<int, int, Location> locate)
    {
        if (opener < 0)
        {
            return new DiagnosticBuilder(locate(text.Length, 0)).UnclosedTemplateDelimiter("{{", "}}");
        }
        var isTag = opener + 1 < text.Length && text[opener + 1] == '%';
        if (isTag && BlockTag().Match(text, opener) is { Success: true } block)
        {
            var tag = block.Groups[1];
            return new DiagnosticBuilder(locate(tag.Index, tag.Length)).UnclosedTemplateBlock(tag.Value);
        }
        return new DiagnosticBuilder(locate(opener, 2)).UnclosedTemplateDelimiter(isTag ? "{%" : "{{", isTag ? "%}" : "}}");
    }

    private static int LastOpener(string text) =>
        Math.Max(text.LastIndexOf("{{", StringComparison.Ordinal), text.LastIndexOf("{%", StringComparison.Ordinal));

    [GeneratedRegex(@"The `end(\w+) statement` was not found")]
    private static partial Regex MissingEnd();

    [GeneratedRegex(@"\s+in: .*$", RegexOptions.Singleline)]
    private static partial Regex GrammarSuffix();

    /// <summary>Blocks whose body Scriban skips as text, so an unclosed one swallows the rest of the template silently.</summary>
    [GeneratedRegex(@"\G\{%-?\s*(comment|raw)\b")]
    private static partial Regex BlockTag();
}
