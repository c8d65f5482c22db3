using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using TriggerLang.Compiler.Parsing.Generated;
using static TriggerLang.Compiler.Parsing.Generated.TriggerLangParser;

namespace TriggerLang.Compiler.Parsing;

/// <summary>
/// Recognises the start of the next top-level item from a few tokens, so that
/// error recovery never swallows it. The top-level keywords are also names
/// (a field called <c>rule</c>, <c>user.tier</c>, <c>digest weekly on mon</c>),
/// so a keyword alone proves nothing; these token patterns never occur inside
/// a valid item:
/// <c>rule NAME on</c>, <c>rule NAME "Title"</c>, <c>on NAME</c> (outside a digest),
/// <c>event NAME {</c>, <c>user {</c>, <c>settings {</c>, <c>limits {</c>, <c>test "name"</c>.
/// </summary>
internal static class ItemStart
{
    public static bool IsKeyword(int tokenType) => tokenType is RULE or ON or EVENT or USER or SETTINGS or LIMITS or TEST;

    /// <summary>Whether the tokens <paramref name="la"/>(1), (2), (3) begin a top-level item.</summary>
    /// <remarks><c>on NAME</c> is also a digest's day (<c>digest weekly on mon</c>): callers rule that out.</remarks>
    public static bool IsAt(Func<int, int> la) => la(1) switch
    {
        RULE => TriggerLangParser.IsName(la(2)) && la(3) is ON or STRING,
        ON => TriggerLangParser.IsName(la(2)),
        EVENT => TriggerLangParser.IsName(la(2)) && la(3) == LBRACE,
        USER or SETTINGS or LIMITS => la(2) == LBRACE,
        TEST => la(2) == STRING,
        _ => false,
    };

    /// <summary>
    /// True when the parser is inside a top-level item (past its first token)
    /// and the next tokens begin another one: the current item is cut short.
    /// </summary>
    public static bool StartsNextItem(Parser parser)
    {
        var tokens = parser.TokenStream;
        var next = tokens.LT(1);
        if (!IsKeyword(next.Type) || !IsAt(tokens.LA))
        {
            return false;
        }
        var item = ItemOf(parser.Context);
        if (item is null || item.Start.TokenIndex >= next.TokenIndex || CanEndItem(parser))
        {
            return false;
        }
        // `on mon` is the day of a digest, and `rule NAME on` is this rule's own trigger.
        return next.Type != ON || parser.Context is not DigestClauseContext && !(parser.Context is RuleDeclContext rule && rule.onClause() is null);
    }

    /// <summary>Whether the current item may end right here (then the next item simply follows it).</summary>
    private static bool CanEndItem(Parser parser)
    {
        var atn = parser.Interpreter.atn;
        var following = atn.NextTokens(atn.states[parser.State]);
        for (RuleContext c = parser.Context; following.Contains(TokenConstants.EPSILON); c = c.Parent)
        {
            if (c.Parent is TopLevelItemContext or null || c.invokingState < 0)
            {
                return true;
            }
            var call = (RuleTransition)atn.states[c.invokingState].Transition(0);
            following = atn.NextTokens(call.followState);
        }
        return false;
    }

    /// <summary>The top-level item (its declaration, rule or test context) that <paramref name="context"/> is in, or null at the top.</summary>
    public static ParserRuleContext? ItemOf(RuleContext? context)
    {
        for (var c = context; c is not null; c = c.Parent)
        {
            if (c.Parent is TopLevelItemContext)
            {
                return (ParserRuleContext)c;
            }
        }
        return null;
    }
}
