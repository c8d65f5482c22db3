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
/// the next one becomes "has no send clause", a block that runs into the end
/// of the file or the next item becomes "never closed" at its brace.
/// Something missing at the end of a line is reported where it is missing,
/// not at the next line's first token.
/// <para>
/// To stop cascades, at most one error is reported per line, and none at a
/// token that directly follows a lexical error (an invalid character, an
/// unterminated string, a too-deep nesting that was cut out): that error is
/// already reported and is the cause.
/// </para>
/// </summary>
internal sealed class SyntaxErrorListener(SourceFile file, List<Diagnostic> diagnostics, IReadOnlySet<int> tokensAfterLexicalErrors)
    : BaseErrorListener
{
    private static readonly string[] ClauseKeywords =
        ["where", "to", "delay", "unless", "window", "cap", "active", "reeligible", "once", "category", "priority", "digest", "goal", "send"];

    private static readonly string[] TopLevelKeywords = ["rule", "on", "event", "user", "settings", "limits", "test"];

    private static readonly string[] TestKeywords = ["user", "event", "expect", "follows"];

    private const string RuleShape =
        "a rule continues with where, to, delay, unless, window, cap, active, reeligible, once, category, priority, digest or goal, "
        + "and ends with `send CHANNEL \"text\"`";

    private const string SendShape = "write `send CHANNEL \"text\"`, `send CHANNEL template \"path\"` or `send CHANNEL { field: \"text\" }`";

    private readonly HashSet<int> _reportedLines = [];

    public override void SyntaxError(
        TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (recognizer is not Parser parser || tokensAfterLexicalErrors.Contains(offendingSymbol.TokenIndex))
        {
            return;
        }
        var diagnostic = new Problem(file, parser, offendingSymbol, SafeExpected(parser, e), msg).Describe();
        var reportedLine = file.GetLinePosition(diagnostic.Location!.Value.Span.Start).Line;
        if (_reportedLines.Add(reportedLine))
        {
            diagnostics.Add(diagnostic);
        }
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

    /// <summary>One syntax error, with what is known about where it happened.</summary>
    private sealed class Problem
    {
        private readonly SourceFile _file;
        private readonly RuleContext _context;
        private readonly IToken _token;
        private readonly IToken? _previous;
        private readonly IToken? _next;
        private readonly IntervalSet _expected;
        private readonly bool _isMissing;
        private readonly bool _cutShort;

        public Problem(SourceFile file, Parser parser, IToken token, IntervalSet expected, string raw)
        {
            _file = file;
            _context = parser.Context;
            _token = token;
            _previous = PreviousVisible(parser.TokenStream, token);
            _next = NextVisible(parser.TokenStream, token);
            _expected = expected;
            var isEof = token.Type == TokenConstants.EOF;
            // The item ends here: at the end of the file or at the start of the next item.
            _cutShort = isEof || ItemStart.StartsNextItem(parser) && token.TokenIndex == parser.TokenStream.LT(1).TokenIndex;
            // Something is missing rather than wrong: ANTLR would insert a token, the
            // item is cut short, or a construct left incomplete at the end of a line
            // runs into the word or brace that starts the next line.
            _isMissing = raw.StartsWith("missing ", StringComparison.Ordinal) || _cutShort
                || _previous is not null && _previous.Line < token.Line && (IsWord(token) || token.Type == RBRACE)
                    && !BetweenEntries(parser.Context, expected);
        }

        /// <summary>
        /// Whether the parser is between two complete entries (fields, clauses, items):
        /// then a wrong token at the start of a line is wrong where it stands.
        /// </summary>
        private static bool BetweenEntries(RuleContext context, IntervalSet expected) =>
            context is CompilationUnitContext or EventDeclContext or UserDeclContext or SettingsDeclContext or LimitsDeclContext
                or SendContentContext or ObjectLiteralContext or TestDeclContext
            || context is RuleDeclContext && expected.Contains(SEND);

        private bool IsEof => _token.Type == TokenConstants.EOF;

        private string Found => IsEof ? "the end of the file" : $"`{Shorten(_token.Text)}`";

        private string PreviousText => _previous is null ? "the start of the file" : $"`{Shorten(_previous.Text)}`";

        /// <summary>Where something missing would go: just after the previous token (the offending one may be lines away).</summary>
        private TextSpan AfterPrevious => _previous is null ? TokenSpan(_file, _token) : new TextSpan(_previous.StopIndex + 1, 0);

        /// <summary>Where to report: after the previous token when something is missing, else at the offending token.</summary>
        private TextSpan Here => _isMissing ? AfterPrevious : TokenSpan(_file, _token);

        public Diagnostic Describe()
        {
            if (_cutShort && InnermostOpen() is var (what, opener, closer) && opener is not null)
            {
                return Unclosed(what, opener, closer);
            }
            var rule = Enclosing<RuleDeclContext>(_context);
            if (rule is not null && Enclosing<SendClauseContext>(_context) is null && _expected.Contains(SEND) && _token.Type != SEND)
            {
                if (_cutShort)
                {
                    return DiagnosticBuilder.At(_file, HeaderSpan(rule)).MissingSend(RuleName(rule));
                }
                if (EventNameIsClauseKeyword(rule) is { } keyword)
                {
                    return At(TokenSpan(_file, keyword)).UnexpectedToken(
                        $"expected the event that triggers the rule after `on`, such as `on cart_abandoned`, but found the clause keyword `{keyword.Text}`");
                }
                if (IsWord(_token) && !IsValueWord(_token.Type))
                {
                    // `email "x"` after the clauses: the channel of a send whose keyword is missing.
                    var suggestion = _next?.Type is STRING or LBRACE or TEMPLATE
                        ? $"send {_token.Text}"
                        : Suggestions.Closest(_token.Text, ClauseKeywords);
                    return At(TokenSpan(_file, _token)).UnknownClause(_token.Text, suggestion);
                }
            }
            if (OpenBracketExpecting() is var (bracketWhat, bracket, bracketCloser) && bracket is not null)
            {
                return Unclosed(bracketWhat, bracket, bracketCloser);
            }
            if (ExpectsOperand())
            {
                return At(Here).UnexpectedToken(OperandMessage());
            }
            if (FieldWithoutType() is var (colon, field) && colon is not null)
            {
                return At(new TextSpan(colon.StopIndex + 1, 0)).UnexpectedToken(
                    $"the field `{field}` has no type: write `{field}: TYPE`, such as `{field}: string`, `{field}: money?` or `{field}: list<int>`");
            }
            if (MisspeltTestKeyword() is { } misspelt)
            {
                return At(TokenSpan(_file, _previous!)).UnexpectedToken(
                    $"`{Shorten(_previous!.Text)}` does not start a test statement; did you mean `{misspelt}`? "
                    + "A test holds `user ID { … }`, `at TIME event NAME for ID { … }`, `at TIME A follows B` and `expect …` statements");
            }
            var (message, afterPrevious) = ContextMessage();
            return At(afterPrevious ? AfterPrevious : TokenSpan(_file, _token)).UnexpectedToken(message);
        }

        private Diagnostic Unclosed(string what, IToken opener, string closer) => closer == "}"
            ? At(TokenSpan(_file, opener)).UnclosedBlock(what, _file.GetLinePosition(opener.StartIndex))
            : At(TokenSpan(_file, opener)).UnclosedBracket(opener.Text, closer, what);

        /// <summary>
        /// <c>on where total > 1</c>: the event is missing, and the clause keyword
        /// after <c>on</c> was read as the event's name (keywords are names too).
        /// </summary>
        private IToken? EventNameIsClauseKeyword(RuleDeclContext rule)
        {
            var name = rule.onClause()?.@event?.Start;
            return name is { StartIndex: >= 0 } && rule.onClause().alias is null && ClauseKeywords.Contains(name.Text)
                && _previous?.TokenIndex == name.TokenIndex ? name : null;
        }

        /// <summary>
        /// <c>total:</c> then <c>items: int</c> on the next line: <c>items</c> was read as
        /// the type of <c>total</c>, and the error shows at the second colon. The
        /// mistake is the missing type; returns the colon it should follow and the field's name.
        /// </summary>
        private (IToken? Colon, string Field) FieldWithoutType()
        {
            if (_token.Type != COLON || _context is not (EventDeclContext or UserDeclContext))
            {
                return (null, "");
            }
            var field = ((ParserRuleContext)_context).GetRuleContexts<FieldDeclContext>().LastOrDefault();
            var colon = field?.COLON()?.Symbol;
            var type = field?.typeRef();
            return colon is { StartIndex: >= 0 } && type is not null && type.Start.TokenIndex == _previous?.TokenIndex
                && type.Start.Line > colon.Line ? (colon, field!.name.GetText()) : (null, "");
        }

        /// <summary><c>at T evnt cart for u1</c> reads as the follow statement <c>evnt follows …</c>; the word is a misspelt keyword.</summary>
        private string? MisspeltTestKeyword() =>
            _context is TestFollowContext && _expected.Contains(FOLLOWS) && _previous is not null && IsWord(_previous)
                ? Suggestions.Closest(_previous.Text, TestKeywords)
                : null;

        private DiagnosticBuilder At(TextSpan span) => DiagnosticBuilder.At(_file, span);

        // ── Expressions ─────────────────────────────────────────────────

        private bool ExpectsOperand() =>
            _expected.Contains(LPAREN) && _expected.Contains(INT) && _expected.Contains(NOT) && !_expected.Contains(RBRACE);

        private string OperandMessage()
        {
            var but = _cutShort ? "" : $", but found {Found}";
            return _previous?.Type switch
            {
                WHERE => $"`where` needs a condition, such as `where total > 100`{but}",
                TO => $"`to` needs the recipients, such as `to followers(actor)`{but}",
                COLON => $"expected a value after `{PropertyName()}:`{but}",
                _ => $"expected a value after {PreviousText}{but}",
            };
        }

        private string PropertyName() => Shorten(Enclosing<PropertyContext>(_context)?.name?.GetText() ?? "");

        // ── Everything else, by the construct the parser is in ─────────

        /// <summary>The message for where the parser is, and whether it is about something missing (reported after the previous token).</summary>
        private (string Message, bool AfterPrevious) ContextMessage()
        {
            if (_context is CompilationUnitContext || Enclosing<TopLevelItemContext>(_context) is null)
            {
                return (TopLevelMessage(), false);
            }
            var rule = Enclosing<RuleDeclContext>(_context);
            if (rule is not null && IsBeforeTrigger(rule))
            {
                return (RuleHeaderMessage(rule), false);
            }
            if (Enclosing<SendClauseContext>(_context) is { } send && Enclosing<SendFieldContext>(_context) is null
                && (_expected.Contains(STRING) || _expected.Contains(LBRACE)))
            {
                var channel = send.channel?.GetText() is { Length: > 0 } c && !c.StartsWith('<') ? c : "CHANNEL";
                var found = _isMissing ? "" : $", but found {Found}";
                return ($"expected the message after `send {channel}`: \"text\", template \"path\" or {{ field: \"text\" }}{found}", _isMissing);
            }
            var (what, shape) = Construct();
            if (rule is not null && _expected.Contains(SEND) && what is null)
            {
                return ($"unexpected {Found}: {RuleShape}", false);
            }
            var problem = _isMissing
                ? $"expected {DescribeExpected(_expected)} after {PreviousText}"
                : $"unexpected {Found}{(what is null ? "" : $" in {what}")}";
            return (shape is null ? problem : $"{problem}: {shape}", _isMissing);
        }

        private string TopLevelMessage()
        {
            const string shape = "a file holds rules (`rule NAME on EVENT … send …` or `on EVENT … send …`) and "
                + "`event`, `user`, `settings`, `limits` and `test` blocks";
            if (_token.Type == RBRACE)
            {
                return $"unexpected `}}`: there is no open block to close here";
            }
            if (_token.Type == IDENT && _next?.Type == LBRACE)
            {
                return $"`{Shorten(_token.Text)} {{` does not start a top-level item: to declare an event, write `event {Shorten(_token.Text)} {{ field: type … }}`";
            }
            if (IsWord(_token) && !ItemStart.IsKeyword(_token.Type)
                && Suggestions.Closest(_token.Text, TopLevelKeywords) is { } keyword)
            {
                return $"`{Shorten(_token.Text)}` cannot start a top-level item; did you mean `{keyword}`? {Capitalize(shape)}";
            }
            return $"unexpected {Found}: {shape}";
        }

        private static bool IsBeforeTrigger(RuleDeclContext rule) =>
            rule.onClause() is not { } on || on.ON() is not { } keyword || keyword.Symbol.StartIndex < 0;

        private string RuleHeaderMessage(RuleDeclContext rule)
        {
            const string shape = "a rule starts with `rule NAME \"Title\" on EVENT` (the title is optional) or just `on EVENT`";
            if (rule.RULE() is not null && (rule.name is null || rule.name.Start.TokenIndex >= _token.TokenIndex))
            {
                return $"expected the rule's name after `rule`, but found {Found}: {shape}";
            }
            if (_context is OnClauseContext or IdentifierContext && rule.onClause()?.ON() is { } on && on.Symbol.StartIndex >= 0)
            {
                return $"expected the event that triggers the rule after `on`, such as `on cart_abandoned`, but found {Found}";
            }
            var name = RuleName(rule);
            return $"{(name is null ? "this rule" : $"rule `{name}`")} needs a trigger: write `on EVENT` "
                + $"{(rule.title is null ? "after its name" : "after its title")}, but found {Found}";
        }

        /// <summary>The construct the parser is in, for messages: its name and how it is written.</summary>
        private (string? What, string? Shape) Construct()
        {
            for (var c = _context; c is not null; c = c.Parent)
            {
                (string?, string?) found = c switch
                {
                    FieldDeclContext or TypeRefContext or TypeNameContext =>
                        ("a field declaration", "a field is written `name: type`, such as `total: money`, `category: string?` or `tags: list<string>`"),
                    EventDeclContext => ("an event declaration", "write `event NAME { field: type … }`"),
                    UserDeclContext => ("the user declaration", "write `user { attribute: type … }`"),
                    SettingContext or SettingsDeclContext => ("the settings", "write `settings { timezone \"UTC\" }`"),
                    LimitCapContext or LimitsDeclContext =>
                        ("the limits", "write `limits { cap 6/day }`, or `cap push 2/day` for one channel; the period is hour, day, week or a duration"),
                    OnClauseContext => ("the `on` clause", "write `on EVENT`, optionally `as ALIAS`"),
                    WhereClauseContext => ("the `where` clause", "write `where CONDITION`, such as `where total > 100`"),
                    ToClauseContext => ("the `to` clause", "write `to followers(FIELD)` or `to FIELD`"),
                    DelayClauseContext => ("the `delay` clause", "write `delay 30m` or `delay until 09:00 local`"),
                    UnlessClauseContext => ("the `unless` clause", "write `unless EVENT`, optionally followed by `where CONDITION` and `within 24h`"),
                    WindowClauseContext or WeekdaysContext or WeekdayRangeContext or WeekdayNameContext =>
                        ("the `window` clause", "write `window 09:00-21:00 local`, optionally followed by days such as `mon-fri` and by `else drop`"),
                    CapClauseContext => ("the `cap` clause", "write `cap 3/day`; the period is hour, day, week or a duration such as 7d"),
                    ActiveClauseContext => ("the `active` clause", "write `active 2026-12-01 .. 2027-01-01`; either side may be left open"),
                    ReeligibleClauseContext => ("the `reeligible` clause", "write `reeligible after 7d`"),
                    CategoryClauseContext => ("the `category` clause", "write `category NAME`, such as `category marketing`"),
                    PriorityClauseContext => ("the `priority` clause", "write `priority transactional`"),
                    DigestClauseContext => ("the `digest` clause", "write `digest daily at 09:00 local` or `digest weekly on mon at 09:00 local max 10`"),
                    GoalClauseContext => ("the `goal` clause", "write `goal EVENT within 7d`, optionally with `where CONDITION` before `within`"),
                    SendFieldContext => ("a send field", "write `field: \"text\"` or `field: template \"path\"`"),
                    SendContentContext or SendClauseContext => ("the `send` clause", SendShape),
                    PropertyContext or ObjectLiteralContext => ("an object", "write `{ name: value, … }`"),
                    TestExpectationContext => ("an expectation",
                        "write `expect RULE sent to USER`, `expect RULE suppressed REASON to USER` or `expect no RULE to USER`, optionally with `at TIME`"),
                    TestStatementContext or TestDeclContext => ("a test",
                        "a test holds `user ID { … }`, `at TIME event NAME for ID { … }`, `at TIME A follows B` and `expect …` statements"),
                    _ => (null, null),
                };
                if (found.Item1 is not null || c is RuleDeclContext)
                {
                    return found;
                }
            }
            return (null, null);
        }

        // ── Brackets ────────────────────────────────────────────────────

        /// <summary>The innermost construct whose opening brace or bracket is still open.</summary>
        private (string What, IToken? Opener, string Closer) InnermostOpen()
        {
            for (var c = _context; c is not null; c = c.Parent)
            {
                if (Opening(c) is var (what, opener, closer) && opener is not null)
                {
                    return (what, opener, closer);
                }
            }
            return ("block", null, "}");
        }

        /// <summary>When the parser wants a closing bracket that is missing, the construct that opened it.</summary>
        private (string What, IToken? Opener, string Closer) OpenBracketExpecting()
        {
            if (!_expected.Contains(RPAREN) && !_expected.Contains(RBRACK) || _token.Type is RPAREN or RBRACK)
            {
                return ("", null, "");
            }
            var open = InnermostOpen();
            var wanted = open.Closer == ")" ? RPAREN : open.Closer == "]" ? RBRACK : RBRACE;
            // Only when nothing else could come here: `(a b` wants `)`, but `(a` then
            // a stray word could also want an operator.
            return _expected.Contains(wanted) && _isMissing ? open : ("", null, "");
        }

        /// <summary>The open brace or bracket of <paramref name="c"/> if it has not been closed yet.</summary>
        private static (string What, IToken? Opener, string Closer) Opening(RuleContext c) => c switch
        {
            EventDeclContext e when e.RBRACE() is null => ("event declaration", Real(e.LBRACE()?.Symbol), "}"),
            UserDeclContext u when u.RBRACE() is null => ("user declaration", Real(u.LBRACE()?.Symbol), "}"),
            SettingsDeclContext s when s.RBRACE() is null => ("settings block", Real(s.LBRACE()?.Symbol), "}"),
            LimitsDeclContext l when l.RBRACE() is null => ("limits block", Real(l.LBRACE()?.Symbol), "}"),
            SendContentContext s when s.RBRACE() is null => ("send block", Real(s.LBRACE()?.Symbol), "}"),
            ObjectLiteralContext o when o.RBRACE() is null => ("object", Real(o.LBRACE()?.Symbol), "}"),
            TestDeclContext t when t.RBRACE() is null => ("test", Real(t.LBRACE()?.Symbol), "}"),
            ParenExprContext p when p.RPAREN() is null => ("where the parenthesized part ends", Real(p.LPAREN()?.Symbol), ")"),
            CallExprContext call when call.RPAREN() is null => ("after the last argument", Real(call.LPAREN()?.Symbol), ")"),
            ListExprContext list when list.RBRACK() is null => ("after the last element", Real(list.LBRACK()?.Symbol), "]"),
            TypeRefContext t when t.LT() is not null && t.GT() is null => ("after the element type", Real(t.LT().Symbol), ">"),
            _ => ("", null, ""),
        };

        private static IToken? Real(IToken? token) => token is { StartIndex: >= 0 } ? token : null;

        // ── Helpers ─────────────────────────────────────────────────────

        private static IToken? PreviousVisible(ITokenStream tokens, IToken token)
        {
            for (var i = token.TokenIndex - 1; i >= 0; i--)
            {
                var candidate = tokens.Get(i);
                if (candidate.Channel == TokenConstants.DefaultChannel)
                {
                    return candidate;
                }
            }
            return null;
        }

        private static IToken? NextVisible(ITokenStream tokens, IToken token)
        {
            if (token.Type == TokenConstants.EOF)
            {
                return null;
            }
            for (var i = token.TokenIndex + 1; i < tokens.Size; i++)
            {
                var candidate = tokens.Get(i);
                if (candidate.Channel == TokenConstants.DefaultChannel)
                {
                    return candidate;
                }
            }
            return null;
        }

        private static TextSpan HeaderSpan(RuleDeclContext rule)
        {
            var last = rule.onClause()?.Stop is { StartIndex: >= 0 } onStop && onStop.TokenIndex >= rule.Start.TokenIndex
                ? onStop
                : rule.name?.Stop ?? rule.Start;
            return TextSpan.FromBounds(rule.Start.StartIndex, Math.Max(rule.Start.StartIndex, last.StopIndex + 1));
        }

        private static string? RuleName(RuleDeclContext rule) => rule.name?.Start is { StartIndex: >= 0 } name ? name.Text : null;

        private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
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

    private static TextSpan TokenSpan(SourceFile file, IToken token) =>
        token.Type == TokenConstants.EOF || token.StartIndex < 0
            ? new TextSpan(file.Text.Length, 0)
            : TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    private static bool IsWord(IToken token) => token.Text.Length > 0 && (char.IsAsciiLetter(token.Text[0]) || token.Text[0] == '_');

    /// <summary>Reserved words that belong to expressions: a misplaced one is not a misspelt clause.</summary>
    private static bool IsValueWord(int type) => type is AND or OR or NOT or IN or TRUE or FALSE or NULL or ELSE;

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
        if (names.Count > 6)
        {
            names = [.. names.Take(6), "…"];
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
        // Keywords are names too where a name is expected; listing them all would bury the message.
        if (hasName && char.IsAsciiLetter(word[0]) && !IsValueWord(type) && type != SEND)
        {
            return null;
        }
        return $"`{word}`";
    }
}
