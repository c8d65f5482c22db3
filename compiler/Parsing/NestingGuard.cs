using Antlr4.Runtime;
using TriggerLang.Compiler.Parsing.Generated;
using static TriggerLang.Compiler.Parsing.Generated.TriggerLangParser;

namespace TriggerLang.Compiler.Parsing;

/// <summary>
/// ANTLR's generated parser is recursive, and a stack overflow cannot be
/// caught in .NET. Before parsing, find each place where brackets and prefix
/// operators nest deeper than a person would ever write, and cut it out of
/// the parse (its tokens move to the hidden channel): the file is reported
/// there instead of crashing the process, and the rest of it still parses.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 200;

    /// <summary>A run of tokens cut out of the parse: <see cref="First"/> is where nesting exceeded the limit.</summary>
    public readonly record struct CutRegion(IToken First, IToken Last);

    /// <summary>Hides every too-deep region of <paramref name="tokens"/> and returns them, in order.</summary>
    public static IReadOnlyList<CutRegion> HideTooDeep(IList<IToken> tokens)
    {
        var regions = new List<CutRegion>();
        var runsOutside = new Stack<int>();
        var depth = 0;
        var outerRuns = 0;
        var run = 0;
        IToken? previous = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Channel != TokenConstants.DefaultChannel || token.Type == TokenConstants.EOF)
            {
                continue;
            }
            var isOpen = token.Type is LPAREN or LBRACK or LBRACE;
            var isPrefix = token.Type == NOT || token.Type == MINUS && !EndsValue(previous);
            if ((isOpen || isPrefix) && depth + outerRuns + run >= MaxDepth)
            {
                var end = isOpen ? EndOfGroup(tokens, i) : EndOfPrefixRun(tokens, i);
                for (var k = i; k <= end; k++)
                {
                    if (tokens[k] is CommonToken hidden && hidden.Type != TokenConstants.EOF)
                    {
                        hidden.Channel = TokenConstants.HiddenChannel;
                    }
                }
                regions.Add(new CutRegion(token, tokens[end]));
                if (isOpen)
                {
                    // The cut group stands for one operand.
                    previous = tokens[end];
                    run = 0;
                }
                i = end;
                continue;
            }
            switch (token.Type)
            {
                case LPAREN or LBRACK or LBRACE:
                    runsOutside.Push(run);
                    outerRuns += run;
                    run = 0;
                    depth++;
                    break;
                case RPAREN or RBRACK or RBRACE:
                    if (depth > 0)
                    {
                        depth--;
                        outerRuns -= runsOutside.Pop();
                    }
                    run = 0;
                    break;
                default:
                    run = isPrefix ? run + 1 : 0;
                    break;
            }
            previous = token;
        }
        return regions;
    }

    /// <summary>The index of the bracket that closes the one at <paramref name="start"/>, or of the last token before the next item (or the end).</summary>
    private static int EndOfGroup(IList<IToken> tokens, int start)
    {
        var level = 0;
        var last = start;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                continue;
            }
            if (token.Type == TokenConstants.EOF || level > 0 && StartsItem(tokens, i, last))
            {
                return last;
            }
            if (token.Type is LPAREN or LBRACK or LBRACE)
            {
                level++;
            }
            else if (token.Type is RPAREN or RBRACK or RBRACE && --level == 0)
            {
                return i;
            }
            last = i;
        }
        return last;
    }

    private static int EndOfPrefixRun(IList<IToken> tokens, int start)
    {
        var last = start;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                continue;
            }
            if (token.Type is not (NOT or MINUS))
            {
                break;
            }
            last = i;
        }
        return last;
    }

    /// <summary>Whether the visible tokens from <paramref name="index"/> begin a top-level item (not a digest's <c>on mon</c>).</summary>
    private static bool StartsItem(IList<IToken> tokens, int index, int previousIndex)
    {
        if (tokens[index].Type == ON && TriggerLangParser.IsName(tokens[previousIndex].Type))
        {
            return false;
        }
        return ItemStart.IsAt(k => VisibleType(tokens, index, k));
    }

    private static int VisibleType(IList<IToken> tokens, int index, int k)
    {
        for (var i = index; i < tokens.Count; i++)
        {
            if (tokens[i].Channel == TokenConstants.DefaultChannel && --k == 0)
            {
                return tokens[i].Type;
            }
        }
        return TokenConstants.EOF;
    }

    private static bool EndsValue(IToken? token) =>
        token is not null && (token.Type is INT or DECIMAL or STRING or DURATION or TIME or DATETIME or RPAREN or RBRACK
            or TRUE or FALSE or NULL or USER or EVENT or RULE || TriggerLangParser.IsName(token.Type));
}
