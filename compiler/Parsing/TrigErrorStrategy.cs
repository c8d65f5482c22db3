using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using static TriggerLang.Compiler.Parsing.Generated.TriggerLangParser;

namespace TriggerLang.Compiler.Parsing;

/// <summary>
/// ANTLR's recovering strategy, kept from skipping past the start of the next
/// top-level item. ANTLR would read <c>rule b on …</c> after an unclosed
/// <c>event cart {</c> as fields named <c>rule</c> and <c>on</c>, and resync on
/// any <c>user</c> or <c>event</c> inside an expression. Here:
/// <list type="bullet">
/// <item>inside an item, reaching the start of the next one (<see cref="ItemStart"/>)
/// abandons the current item, reporting one error;</item>
/// <item>a structural token (<c>send</c>, <c>}</c>, the next item's keyword) is never dropped as extraneous;</item>
/// <item>resynchronising consumes up to the next item start, and inside an item
/// only to tokens that can follow the rules inside it;</item>
/// <item>garbage between items is reported once and skipped up to the next
/// item (a top-level keyword that begins an item or a line);</item>
/// <item>in a block of entries (fields, send fields, test statements…) a broken
/// entry is skipped to the end of its line or its comma.</item>
/// </list>
/// </summary>
internal sealed class TrigErrorStrategy : DefaultErrorStrategy
{
    public override void Sync(Parser recognizer)
    {
        if (ItemStart.StartsNextItem(recognizer))
        {
            throw new InputMismatchException(recognizer);
        }
        if (recognizer.Context is CompilationUnitContext && !IsTopLevelStart(recognizer))
        {
            ReportUnwantedToken(recognizer);
            ConsumeUntil(recognizer, new IntervalSet());
            return;
        }
        if (IsBlockOfLines(recognizer.Context) && !InErrorRecoveryMode(recognizer) && IsUnexpected(recognizer))
        {
            ReportUnwantedToken(recognizer);
            SkipRestOfEntry(recognizer);
            return;
        }
        base.Sync(recognizer);
    }

    /// <summary>Blocks whose entries (fields, settings, caps, send fields, properties, test statements) are written one per line or separated by commas.</summary>
    private static bool IsBlockOfLines(ParserRuleContext context) =>
        context is EventDeclContext or UserDeclContext or SettingsDeclContext or LimitsDeclContext or SendContentContext
            or ObjectLiteralContext or TestDeclContext;

    private static bool IsUnexpected(Parser recognizer)
    {
        var type = recognizer.TokenStream.LA(1);
        var next = recognizer.Atn.NextTokens(recognizer.Interpreter.atn.states[recognizer.State]);
        return type != TokenConstants.EOF && !next.Contains(type) && !next.Contains(TokenConstants.EPSILON);
    }

    /// <summary>
    /// Skips the rest of a broken entry in a block: up to its comma, the end of
    /// its line, the closing brace or the next item. <c>total:</c> with no type
    /// followed by <c>items: int</c> then costs one error, not one per line.
    /// </summary>
    private void SkipRestOfEntry(Parser recognizer)
    {
        var line = recognizer.TokenStream.LT(1).Line;
        for (var token = recognizer.TokenStream.LT(1); token.Type is not (TokenConstants.EOF or RBRACE); token = recognizer.TokenStream.LT(1))
        {
            if (token.Line > line || ItemStart.StartsNextItem(recognizer))
            {
                return;
            }
            recognizer.Consume();
            if (token.Type == COMMA)
            {
                return;
            }
        }
    }

    public override void Recover(Parser recognizer, RecognitionException e)
    {
        if (ItemStart.StartsNextItem(recognizer))
        {
            // Leave the next item's first token for the loop at the top.
            return;
        }
        base.Recover(recognizer, e);
    }

    /// <summary>
    /// Never "delete" a token that gives the file its structure: <c>where x == send email "hi"</c>
    /// misses a value, it does not have an extra <c>send</c>.
    /// </summary>
    protected override IToken? SingleTokenDeletion(Parser recognizer) =>
        recognizer.TokenStream.LA(1) is SEND or RBRACE || ItemStart.StartsNextItem(recognizer) ? null : base.SingleTokenDeletion(recognizer);

    /// <summary>Inside an item, resync only on what can follow the rules inside it, not on what follows the item.</summary>
    protected override IntervalSet GetErrorRecoverySet(Parser recognizer)
    {
        if (ItemStart.ItemOf(recognizer.Context) is null)
        {
            return base.GetErrorRecoverySet(recognizer);
        }
        var atn = recognizer.Interpreter.atn;
        var set = new IntervalSet();
        for (RuleContext c = recognizer.Context; c.Parent is not null and not TopLevelItemContext && c.invokingState >= 0; c = c.Parent)
        {
            var invoking = atn.states[c.invokingState];
            var call = (RuleTransition)invoking.Transition(0);
            set.AddAll(atn.NextTokens(call.followState));
        }
        set.Remove(TokenConstants.EPSILON);
        return set;
    }

    protected override void ConsumeUntil(Parser recognizer, IntervalSet set)
    {
        var inItem = ItemStart.ItemOf(recognizer.Context) is not null;
        for (var type = recognizer.TokenStream.LA(1); type != TokenConstants.EOF; type = recognizer.TokenStream.LA(1))
        {
            if (inItem ? ItemStart.StartsNextItem(recognizer) || set.Contains(type) : IsTopLevelStart(recognizer))
            {
                return;
            }
            recognizer.Consume();
        }
    }

    /// <summary>At the top: a keyword that begins an item by its tokens, or one that begins a line.</summary>
    private static bool IsTopLevelStart(Parser parser)
    {
        var tokens = parser.TokenStream;
        var next = tokens.LT(1);
        if (next.Type == TokenConstants.EOF)
        {
            return true;
        }
        if (!ItemStart.IsKeyword(next.Type))
        {
            return false;
        }
        var previous = tokens.LT(-1);
        return previous is null || previous.Line < next.Line || ItemStart.IsAt(tokens.LA);
    }
}
