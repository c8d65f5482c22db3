using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;
using static TriggerLang.Compiler.Parsing.Generated.TriggerLangParser;

namespace TriggerLang.Compiler.Parsing;

/// <summary>
/// Rewrites ANTLR's raw messages ("mismatched input … expecting {…}") into the
/// user's words, chosen by where the parser is: an unknown word where a clause
/// belongs becomes "not a rule clause; did you mean…", a rule that runs into
/// the next one becomes "has no send clause". At most one error per line is
/// reported, so that one typo gives one diagnostic rather than a cascade.
/// </summary>
internal sealed class SyntaxErrorListener(SourceFile file, List<Diagnostic> diagnostics) : BaseErrorListener
{
    private static readonly string[] ClauseKeywords =
        ["where", "to", "delay", "unless", "window", "cap", "active", "reeligible", "once", "category", "priority", "digest", "goal", "send"];

    private static readonly int[] TopLevelStarters = [RULE, ON, EVENT, USER, SETTINGS, LIMITS, TEST];

    private readonly HashSet<int> _reportedLines = [];

    public override void SyntaxError(
        TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (!_reportedLines.Add(line) || recognizer is not Parser parser)
        {
            return;
        }
        var span = offendingSymbol.Type == TokenConstants.EOF
            ? new TextSpan(file.Text.Length, 0)
            : TextSpan.FromBounds(offendingSymbol.StartIndex, offendingSymbol.StopIndex + 1);
        var expected = SafeExpected(parser, e);
        diagnostics.Add(Describe(parser, offendingSymbol, span, expected, msg));
    }

    private Diagnostic Describe(Parser parser, IToken token, TextSpan span, IntervalSet expected, string raw)
    {
        var at = DiagnosticBuilder.At(file, span);
        var rule = Enclosing<RuleDeclContext>(parser.Context);
        var isEof = token.Type == TokenConstants.EOF;

        if (expected.Contains(SEND) && rule is not null && token.Type != SEND)
        {
            if (isEof || TopLevelStarters.Contains(token.Type))
            {
                return DiagnosticBuilder.At(file, HeaderSpan(rule)).MissingSend(RuleName(rule));
            }
            if (IsWord(token))
            {
                return at.UnknownClause(token.Text, Suggestions.Closest(token.Text, ClauseKeywords));
            }
        }

        if (isEof && expected.Contains(RBRACE) && OpenBlock(parser.Context) is var (what, brace) && brace is not null)
        {
            return DiagnosticBuilder.At(file, Span(brace)).UnclosedBlock(what, file.GetLinePosition(brace.StartIndex));
        }

        var found = isEof ? "the end of the file" : $"`{Shorten(token.Text)}`";
        if (Enclosing<SendContentContext>(parser.Context) is not null || Enclosing<SendClauseContext>(parser.Context) is not null
            && expected.Contains(STRING) && expected.Contains(LBRACE))
        {
            return at.UnexpectedToken(
                $"expected the message after `send CHANNEL`: \"text\", template \"path\" or {{ field: \"text\" }}, but found {found}");
        }
        if (expected.Contains(LPAREN) && expected.Contains(INT) && !expected.Contains(RBRACE))
        {
            return at.UnexpectedToken($"expected a value or condition, but found {found}");
        }
        if (raw.StartsWith("missing ", StringComparison.Ordinal))
        {
            return at.UnexpectedToken($"expected {DescribeExpected(expected)} before {found}");
        }
        return at.UnexpectedToken($"unexpected {found}: expected {DescribeExpected(expected)}");
    }

    private static IntervalSet SafeExpected(Parser parser, RecognitionException? e)
    {
        try
        {
            return e?.GetExpectedTokens() ?? parser.GetExpectedTokens();
        }
        catch (ArgumentException)
        {
            return new IntervalSet();
        }
    }

    private static T? Enclosing<T>(RuleContext? context) where T : RuleContext
    {
        for (var c = context; c is not null; c = c.Parent)
        {
            if (c is T match)
            {
                return match;
            }
        }
        return null;
    }

    private static (string What, IToken? Brace) OpenBlock(RuleContext? context)
    {
        for (var c = context; c is not null; c = c.Parent)
        {
            switch (c)
            {
                case EventDeclContext e: return ("event declaration", e.LBRACE()?.Symbol);
                case UserDeclContext u: return ("user declaration", u.LBRACE()?.Symbol);
                case SettingsDeclContext s: return ("settings block", s.LBRACE()?.Symbol);
                case LimitsDeclContext l: return ("limits block", l.LBRACE()?.Symbol);
                case SendContentContext s: return ("send block", s.LBRACE()?.Symbol);
                case ObjectLiteralContext o: return ("object", o.LBRACE()?.Symbol);
                case TestDeclContext t: return ("test", t.LBRACE()?.Symbol);
            }
        }
        return ("block", null);
    }

    private static TextSpan HeaderSpan(RuleDeclContext rule)
    {
        var last = rule.name?.Stop ?? rule.onClause()?.Stop ?? rule.Start;
        return TextSpan.FromBounds(rule.Start.StartIndex, Math.Max(rule.Start.StartIndex, last.StopIndex + 1));
    }

    private static string? RuleName(RuleDeclContext rule) => rule.name?.Start is { StartIndex: >= 0 } name ? name.Text : null;

    private static TextSpan Span(IToken token) => TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    private static bool IsWord(IToken token) => token.Text.Length > 0 && (char.IsAsciiLetter(token.Text[0]) || token.Text[0] == '_');

    private static string Shorten(string text) => text.Length > 30 ? text[..27] + "…" : text;

    /// <summary>Readable list of what may come next, with soft keywords folded into "a name".</summary>
    private static string DescribeExpected(IntervalSet expected)
    {
        var names = new List<string>();
        var hasName = expected.Contains(IDENT);
        foreach (var type in expected.ToArray())
        {
            var text = Describe(type, hasName);
            if (text is not null && !names.Contains(text))
            {
                names.Add(text);
            }
        }
        if (names.Count == 0)
        {
            return "something else";
        }
        if (names.Count > 8)
        {
            names = [.. names.Take(8), "…"];
        }
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    private static string? Describe(int type, bool hasName)
    {
        switch (type)
        {
            case IDENT: return "a name";
            case STRING: return "a string";
            case INT:
            case DECIMAL: return "a number";
            case DURATION: return "a duration such as 30m";
            case TIME: return "a time such as 09:00";
            case DATETIME: return "a date such as 2026-12-01";
            case TokenConstants.EOF: return "the end of the file";
        }
        var literal = DefaultVocabulary.GetLiteralName(type);
        if (literal is null)
        {
            return null;
        }
        var word = literal.Trim('\'');
        // Soft keywords are names too; listing them all would bury the message.
        if (hasName && char.IsAsciiLetter(word[0]) && IsSoftKeyword(type))
        {
            return null;
        }
        return $"`{word}`";
    }

    private static bool IsSoftKeyword(int type) => type >= AS && type <= NO;
}
