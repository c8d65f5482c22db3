using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;
using static TriggerLang.Compiler.Parsing.Generated.TriggerLangParser;

namespace TriggerLang.Compiler.Parsing;

/// <summary>
/// Turns ANTLR's parse tree into the project's immutable syntax tree. The
/// ANTLR tree may be incomplete after error recovery: every accessor here can
/// return null or a conjured "missing" token, and each becomes a missing node
/// with a zero-length span, so that half-typed input still has a tree.
/// </summary>
internal sealed class SyntaxTreeBuilder
{
    /// <summary>
    /// Deeper expressions are reported (and replaced by a missing node) so that no later tree walk can overflow the
    /// stack: the same limit as the token-level guard, which catches brackets and prefix operators before parsing.
    /// </summary>
    private const int MaxExpressionDepth = NestingGuard.MaxDepth;

    private readonly SourceFile _file;
    private readonly List<Diagnostic> _diagnostics;
    private readonly LiteralDecoder _literals;
    private readonly IReadOnlyList<int> _cutStarts;

    /// <summary>Whether the current item already has its too-deep diagnostic (one per item is enough).</summary>
    private bool _depthReported;

    /// <param name="cutStarts">Where the <see cref="NestingGuard"/> already reported and cut out too-deep nesting.</param>
    public SyntaxTreeBuilder(SourceFile file, List<Diagnostic> diagnostics, IReadOnlyList<int> cutStarts)
    {
        _file = file;
        _diagnostics = diagnostics;
        _literals = new LiteralDecoder(file, diagnostics);
        _cutStarts = cutStarts;
    }

    public ImmutableArray<TopLevelSyntax> BuildItems(CompilationUnitContext context)
    {
        var items = ImmutableArray.CreateBuilder<TopLevelSyntax>();
        foreach (var item in context.topLevelItem())
        {
            var span = Span(item);
            _depthReported = _cutStarts.Any(start => span.ContainsOrTouches(start));
            TopLevelSyntax? built = item.GetChild(0) switch
            {
                EventDeclContext e => Event(e),
                UserDeclContext u => User(u),
                SettingsDeclContext s => Settings(s),
                LimitsDeclContext l => Limits(l),
                RuleDeclContext r => Rule(r),
                TestDeclContext t => Test(t),
                _ => null,
            };
            if (built is not null)
            {
                items.Add(built);
            }
        }
        return items.ToImmutable();
    }

    // ── Declarations ────────────────────────────────────────────────────

    private EventDeclarationSyntax Event(EventDeclContext c) =>
        new(Span(c), Identifier(c.name, c.EVENT()?.Symbol), c.fieldDecl().Select(Field).ToImmutableArray());

    private UserDeclarationSyntax User(UserDeclContext c) =>
        new(Span(c), Span(c.USER().Symbol), c.fieldDecl().Select(Field).ToImmutableArray());

    private FieldDeclarationSyntax Field(FieldDeclContext c) => new(SpanWithoutSeparator(c), Identifier(c.name, c.Start), Type(c.typeRef(), c.Stop));

    private TypeSyntax Type(TypeRefContext? c, IToken after)
    {
        if (c is null)
        {
            var missing = MissingAfter(after);
            return new TypeSyntax(missing, new IdentifierSyntax(missing, "", IsMissing: true), null, false);
        }
        var argument = c.typeRef() is { } inner ? Type(inner, c.LT()?.Symbol ?? c.Start) : null;
        return new TypeSyntax(Span(c), Identifier(c.name, c.Start), argument, c.QUESTION() is not null);
    }

    private SettingsDeclarationSyntax Settings(SettingsDeclContext c) =>
        new(Span(c), c.setting().Select(s => new SettingSyntax(SpanWithoutSeparator(s), Identifier(s.name, s.Start), LiteralOrMissing(s.value, s.Stop)))
            .ToImmutableArray());

    private LimitsDeclarationSyntax Limits(LimitsDeclContext c) =>
        new(Span(c), c.limitCap().Select(l => new LimitCapSyntax(
                SpanWithoutSeparator(l),
                l.channel is null ? null : Identifier(l.channel, l.Start),
                Rate(l.count, l.capPeriod(), l)))
            .ToImmutableArray());

    private RateSyntax Rate(IToken? count, CapPeriodContext? period, ParserRuleContext owner)
    {
        var countSyntax = count is null || IsMissing(count)
            ? new IntegerSyntax(MissingAfter(owner.Start), "", null)
            : _literals.DecodeInteger(count.Text, Span(count));
        IdentifierSyntax? named = null;
        DurationSyntax? duration = null;
        if (period?.DURATION() is { } d)
        {
            duration = _literals.DecodeDuration(d.GetText(), Span(d.Symbol));
        }
        else
        {
            named = Identifier(period?.identifier(), owner.Stop);
        }
        var start = countSyntax.Span.Start;
        var end = Math.Max(countSyntax.Span.End, (named?.Span ?? duration!.Span).End);
        return new RateSyntax(TextSpan.FromBounds(start, end), countSyntax, named, duration);
    }

    // ── Rules ───────────────────────────────────────────────────────────

    private RuleDeclarationSyntax Rule(RuleDeclContext c)
    {
        var on = c.onClause();
        var onSyntax = on is null
            ? new OnClauseSyntax(MissingAfter(c.Start), new IdentifierSyntax(MissingAfter(c.Start), "", true), null)
            : new OnClauseSyntax(Span(on), Identifier(on.@event, Real(on.ON()) ?? c.title ?? c.name?.Stop ?? c.Start),
                on.alias is null ? null : Identifier(on.alias, Real(on.AS()) ?? on.Start));
        var send = c.sendClause() is { } s && s.SEND() is { } keyword && !IsMissing(keyword.Symbol) ? Send(s) : null;
        return new RuleDeclarationSyntax(
            Span(c),
            c.RULE() is null ? null : Identifier(c.name, c.RULE().Symbol),
            c.title is null ? null : _literals.DecodeString(c.title.Text, c.title.StartIndex),
            onSyntax,
            c.ruleClause().Select(Clause).OfType<RuleClauseSyntax>().ToImmutableArray(),
            send);
    }

    private RuleClauseSyntax? Clause(RuleClauseContext c)
    {
        var clause = (ParserRuleContext?)c.GetChild(0);
        if (clause is null)
        {
            return null;
        }
        var span = Span(clause);
        var keyword = Span(clause.Start);
        return clause switch
        {
            WhereClauseContext w => new WhereClauseSyntax(span, keyword, Expression(w.expression(), w.Start)),
            ToClauseContext t => new ToClauseSyntax(span, keyword, Expression(t.expression(), t.Start)),
            DelayClauseContext d => new DelayClauseSyntax(span, keyword,
                Real(d.UNTIL()) is null ? Duration(d.DURATION(), d.Start) : null,
                Real(d.UNTIL()) is { } until ? Time(Real(d.TIME()), until) : null,
                Zone(d.zone())),
            UnlessClauseContext u => new UnlessClauseSyntax(span, keyword,
                Identifier(u.@event, u.Start),
                u.alias is null ? null : Identifier(u.alias, u.AS()?.Symbol),
                u.WHERE() is null ? null : Expression(u.expression(), u.WHERE().Symbol),
                Within(u.WITHIN(), u.DURATION())),
            WindowClauseContext w => new WindowClauseSyntax(span, keyword,
                Time(w.start, w.Start), Time(w.end, w.MINUS()?.Symbol ?? w.Start), Zone(w.zone()),
                w.weekdays()?.weekdayRange().Select(r => new WeekdayRangeSyntax(Span(r), Identifier(r.first, r.Start),
                    r.last is null ? null : Identifier(r.last, r.MINUS()?.Symbol))).ToImmutableArray() ?? [],
                w.DROP() is not null),
            CapClauseContext cap => new CapClauseSyntax(span, keyword, Rate(cap.count, cap.capPeriod(), cap)),
            ActiveClauseContext a => new ActiveClauseSyntax(span, keyword, DateTime(a.from), DateTime(a.until)),
            ReeligibleClauseContext r => new ReeligibleClauseSyntax(span, keyword, Duration(r.DURATION(), r.Stop)),
            OnceClauseContext => new OnceClauseSyntax(span, keyword),
            CategoryClauseContext cat => new CategoryClauseSyntax(span, keyword, Identifier(cat.name, cat.Start)),
            PriorityClauseContext p => new PriorityClauseSyntax(span, keyword, Identifier(p.level, p.Start)),
            DigestClauseContext d => new DigestClauseSyntax(span, keyword,
                Identifier(d.frequency, d.Start),
                d.day is null ? null : Identifier(d.day, d.ON()?.Symbol),
                Time(d.TIME()?.Symbol, d.AT()?.Symbol ?? d.Stop),
                Zone(d.zone()),
                d.max is null || IsMissing(d.max) ? null : _literals.DecodeInteger(d.max.Text, Span(d.max))),
            GoalClauseContext g => new GoalClauseSyntax(span, keyword,
                Identifier(g.@event, g.Start),
                g.alias is null ? null : Identifier(g.alias, g.AS()?.Symbol),
                g.WHERE() is null ? null : Expression(g.expression(), g.WHERE().Symbol),
                Within(g.WITHIN(), g.DURATION())),
            _ => null,
        };
    }

    /// <summary>The duration after <c>within</c>: null without <c>within</c>, a missing duration when only the keyword is there.</summary>
    private DurationSyntax? Within(ITerminalNode? keyword, ITerminalNode? duration) =>
        Real(keyword) is not { } within ? null : Duration(duration, within);

    private SendClauseSyntax Send(SendClauseContext c)
    {
        var content = c.sendContent();
        var fields = content?.sendField().Select(f =>
            new SendFieldSyntax(SpanWithoutSeparator(f), Identifier(f.name, f.Start), TemplateValue(f.templateValue(), f.COLON()?.Symbol ?? f.Start)))
            .ToImmutableArray() ?? [];
        var isBlock = content?.LBRACE() is not null;
        var body = content is not null && !isBlock ? TemplateValue(content.templateValue(), c.channel?.Stop ?? c.Start) : null;
        var fallback = c.fallback is { } f2 && f2.SEND() is { } keyword && !IsMissing(keyword.Symbol) ? Send(f2) : null;
        return new SendClauseSyntax(Span(c), Identifier(c.channel, c.SEND().Symbol), body, fields, isBlock, fallback);
    }

    private TemplateValueSyntax TemplateValue(TemplateValueContext? c, IToken after)
    {
        if (c?.STRING() is not { } str || IsMissing(str.Symbol))
        {
            var missing = MissingAfter(c?.Stop ?? after);
            return new TemplateValueSyntax(missing, new StringLiteralSyntax(missing, "", [missing.Start]), c?.TEMPLATE() is not null);
        }
        return new TemplateValueSyntax(Span(c), _literals.DecodeString(str.GetText(), str.Symbol.StartIndex), c.TEMPLATE() is not null);
    }

    private ZoneSyntax? Zone(ZoneContext? c)
    {
        if (c is null)
        {
            return null;
        }
        if (Real(c.STRING()) is { } name)
        {
            return new ZoneSyntax(Span(c), ZoneKind.Named, _literals.DecodeString(name.Text, name.StartIndex));
        }
        if (Real(c.UTC()) is null && Real(c.LOCAL()) is null)
        {
            return null;
        }
        return new ZoneSyntax(Span(c), Real(c.UTC()) is not null ? ZoneKind.Utc : ZoneKind.Local, null);
    }

    private TimeOfDaySyntax Time(IToken? token, IToken after) =>
        token is null || IsMissing(token)
            ? new TimeOfDaySyntax(MissingAfter(after), "", null)
            : _literals.DecodeTime(token.Text, Span(token));

    private DateTimeSyntax? DateTime(DateTimeContext? c) =>
        c?.DATETIME() is { } token && !IsMissing(token.Symbol) ? _literals.DecodeDateTime(token.GetText(), Span(token.Symbol)) : null;

    private DurationSyntax Duration(ITerminalNode? node, IToken after) =>
        node is null || IsMissing(node.Symbol)
            ? new DurationSyntax(MissingAfter(after), "", null)
            : _literals.DecodeDuration(node.GetText(), Span(node.Symbol));

    // ── Expressions ─────────────────────────────────────────────────────

    private ExpressionSyntax Expression(ExpressionContext? c, IToken after) =>
        c is null ? new MissingExpressionSyntax(MissingAfter(after)) : Expression(c, 0);

    private ExpressionSyntax Expression(ExpressionContext c, int depth)
    {
        // Binary operators and member access are left-recursive: ANTLR parses a
        // long chain iteratively but builds a deep tree. Measure the chain
        // before descending so that depth stays bounded.
        var spine = 0;
        for (var node = c; node is BinaryExprContext or MemberExprContext && depth + spine <= MaxExpressionDepth;
             node = node.GetRuleContext<ExpressionContext>(0))
        {
            spine++;
        }
        if (depth + spine > MaxExpressionDepth)
        {
            if (!_depthReported)
            {
                _diagnostics.Add(DiagnosticBuilder.At(_file, Span(c)).NestingTooDeep(MaxExpressionDepth));
                _depthReported = true;
            }
            return new MissingExpressionSyntax(Span(c));
        }
        var next = depth + 1;
        var span = Span(c);
        switch (c)
        {
            case ParenExprContext p:
                return new ParenthesizedExpressionSyntax(span, ExpressionOrMissing(p.expression(), p.LPAREN().Symbol, next));
            case LiteralExprContext l:
                return LiteralOrMissing(l.literal(), l.Start);
            case ListExprContext l:
                return new ListExpressionSyntax(span, l.expression().Select(e => Expression(e, next)).ToImmutableArray());
            case CallExprContext call:
                return new CallExpressionSyntax(span, Identifier(call.callee, call.Start),
                    call.expression().Select(e => Expression(e, next)).ToImmutableArray());
            case NameExprContext n:
                return new NameExpressionSyntax(span, Identifier(n.exprName(), n.Start));
            case MemberExprContext m:
                return new MemberAccessExpressionSyntax(span, ExpressionOrMissing(m.expression(), m.Start, next),
                    Identifier(m.memberName(), m.DOT()?.Symbol ?? m.Start));
            case NegateExprContext neg:
                return new UnaryExpressionSyntax(span, UnaryOperator.Negate, Span(neg.MINUS().Symbol),
                    ExpressionOrMissing(neg.expression(), neg.MINUS().Symbol, next));
            case NotExprContext not:
                return new UnaryExpressionSyntax(span, UnaryOperator.Not, Span(not.NOT().Symbol),
                    ExpressionOrMissing(not.expression(), not.NOT().Symbol, next));
            case BinaryExprContext b:
                var operands = b.expression();
                var left = operands.Length > 0 ? Expression(operands[0], next) : new MissingExpressionSyntax(MissingAfter(b.Start));
                var right = operands.Length > 1 ? Expression(operands[1], next) : new MissingExpressionSyntax(MissingAfter(b.op));
                return new BinaryExpressionSyntax(span, left, BinaryOperatorOf(b.op.Type), Span(b.op), right);
            default:
                return new MissingExpressionSyntax(span);
        }
    }

    private ExpressionSyntax ExpressionOrMissing(ExpressionContext? c, IToken after, int depth) =>
        c is null ? new MissingExpressionSyntax(MissingAfter(after)) : Expression(c, depth);

    private static BinaryOperator BinaryOperatorOf(int tokenType) => tokenType switch
    {
        STAR => BinaryOperator.Multiply,
        SLASH => BinaryOperator.Divide,
        PERCENT => BinaryOperator.Modulo,
        PLUS => BinaryOperator.Add,
        MINUS => BinaryOperator.Subtract,
        EQ => BinaryOperator.Equal,
        NEQ => BinaryOperator.NotEqual,
        LT => BinaryOperator.Less,
        LTE => BinaryOperator.LessOrEqual,
        GT => BinaryOperator.Greater,
        GTE => BinaryOperator.GreaterOrEqual,
        IN => BinaryOperator.In,
        AND => BinaryOperator.And,
        OR => BinaryOperator.Or,
        _ => throw new ArgumentOutOfRangeException(nameof(tokenType)),
    };

    private LiteralExpressionSyntax LiteralOrMissing(LiteralContext? c, IToken after)
    {
        // After error recovery the literal's only child may be a conjured token or an error node.
        if (c?.GetChild(0) is not ITerminalNode { Symbol: var token } node || node is IErrorNode || IsMissing(token))
        {
            return new LiteralExpressionSyntax(MissingAfter(after), LiteralKind.Null, null, "");
        }
        var span = Span(token);
        var text = token.Text;
        return token.Type switch
        {
            INT => new LiteralExpressionSyntax(span, LiteralKind.Integer, _literals.DecodeNumber(text, span), text),
            DECIMAL => new LiteralExpressionSyntax(span, LiteralKind.Decimal, _literals.DecodeNumber(text, span), text),
            STRING => StringLiteral(token),
            TRUE => new LiteralExpressionSyntax(span, LiteralKind.Boolean, true, text),
            FALSE => new LiteralExpressionSyntax(span, LiteralKind.Boolean, false, text),
            DURATION => new LiteralExpressionSyntax(span, LiteralKind.Duration, _literals.DecodeDuration(text, span).Value, text),
            _ => new LiteralExpressionSyntax(span, LiteralKind.Null, null, text),
        };
    }

    private LiteralExpressionSyntax StringLiteral(IToken token)
    {
        var decoded = _literals.DecodeString(token.Text, token.StartIndex);
        return new LiteralExpressionSyntax(decoded.Span, LiteralKind.String, decoded.Value, token.Text) { StringToken = decoded };
    }

    // ── Tests ───────────────────────────────────────────────────────────

    private TestDeclarationSyntax Test(TestDeclContext c)
    {
        var name = c.name is null || IsMissing(c.name)
            ? new StringLiteralSyntax(MissingAfter(c.Start), "", [MissingAfter(c.Start).Start])
            : _literals.DecodeString(c.name.Text, c.name.StartIndex);
        var statements = c.testStatement().Select(TestStatement).OfType<TestStatementSyntax>().ToImmutableArray();
        return new TestDeclarationSyntax(Span(c), name, statements);
    }

    private TestStatementSyntax? TestStatement(TestStatementContext c) => c switch
    {
        TestUserContext u => new TestUserSyntax(Span(u), DateTime(u.at), Identifier(u.id, Real(u.USER()) ?? u.Start), Object(u.objectLiteral())),
        TestEventContext e => new TestEventSyntax(Span(e), DateTime(e.at), Identifier(e.name, Real(e.EVENT()) ?? e.Start),
            Identifier(e.id, e.FOR()?.Symbol ?? e.Stop), Object(e.objectLiteral())),
        TestFollowContext f => new TestFollowSyntax(Span(f), DateTime(f.at), Identifier(f.follower, f.Start),
            Identifier(f.followee, f.FOLLOWS()?.Symbol ?? f.Stop)),
        TestExpectContext x when x.testExpectation() is { } e => new TestExpectSyntax(
            Span(x),
            e.NO() is not null,
            Identifier(e.rule, x.Start),
            e.status is null ? null : Identifier(e.status, e.Start),
            e.reason is null ? null : Identifier(e.reason, e.Start),
            Identifier(e.id, e.TO()?.Symbol ?? e.Stop),
            DateTime(e.at),
            e.channel is null ? null : Identifier(e.channel, e.VIA()?.Symbol),
            Object(e.objectLiteral())),
        _ => null,
    };

    private ObjectLiteralSyntax? Object(ObjectLiteralContext? c) =>
        c is null ? null : new ObjectLiteralSyntax(Span(c), c.property().Select(p => new PropertySyntax(
            Span(p),
            Identifier(p.name, p.Start),
            p.expression() is { } value ? Expression(value, 0) : p.objectLiteral() is null ? new MissingExpressionSyntax(MissingAfter(p.Stop)) : null,
            Object(p.objectLiteral()))).ToImmutableArray());

    // ── Tokens and spans ────────────────────────────────────────────────

    private IdentifierSyntax Identifier(ParserRuleContext? c, IToken? after)
    {
        if (c is null || c.Start is null || IsMissing(c.Start) || c.Stop is null || c.Stop.StopIndex < c.Start.StartIndex)
        {
            var missing = after is null ? new TextSpan(0, 0) : MissingAfter(after);
            return new IdentifierSyntax(missing, "", IsMissing: true);
        }
        return new IdentifierSyntax(Span(c.Start), c.Start.Text);
    }

    private static bool IsMissing(IToken token) => token.StartIndex < 0 || token.TokenIndex < 0;

    /// <summary>The token of <paramref name="node"/> if it is really in the file (not conjured by error recovery).</summary>
    private static IToken? Real(ITerminalNode? node) => node is null || IsMissing(node.Symbol) ? null : node.Symbol;

    private static TextSpan Span(IToken token) =>
        token.StartIndex < 0 ? new TextSpan(0, 0) : TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    private static TextSpan Span(ParserRuleContext c)
    {
        if (c.Start is null || c.Start.StartIndex < 0)
        {
            return new TextSpan(0, 0);
        }
        var stop = c.Stop is null || c.Stop.StopIndex < c.Start.StartIndex ? c.Start.StartIndex : c.Stop.StopIndex + 1;
        return TextSpan.FromBounds(c.Start.StartIndex, stop);
    }

    /// <summary>The span of an element of a list without the comma that may follow it: the separator belongs to no element.</summary>
    private static TextSpan SpanWithoutSeparator(ParserRuleContext c)
    {
        var span = Span(c);
        if (c.ChildCount < 2 || c.GetChild(c.ChildCount - 1) is not ITerminalNode { Symbol.Type: COMMA })
        {
            return span;
        }
        var last = c.GetChild(c.ChildCount - 2) switch
        {
            ITerminalNode node => node.Symbol,
            ParserRuleContext rule => rule.Stop,
            _ => null,
        };
        return last is null || last.StartIndex < 0 ? span : TextSpan.FromBounds(span.Start, Math.Max(span.Start, last.StopIndex + 1));
    }

    /// <summary>
    /// A zero-length span just after <paramref name="token"/>: where a missing piece
    /// would go. A token conjured by error recovery has no offsets but carries the
    /// line and column of the token it was inserted before.
    /// </summary>
    private TextSpan MissingAfter(IToken? token)
    {
        if (token is null)
        {
            return new TextSpan(0, 0);
        }
        if (token.StartIndex < 0)
        {
            return new TextSpan(_file.GetOffset(new LinePosition(token.Line - 1, token.Column)), 0);
        }
        return new TextSpan(Math.Min(token.StopIndex + 1, _file.Text.Length), 0);
    }
}
