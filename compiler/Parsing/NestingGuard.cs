using Antlr4.Runtime;
using static TriggerLang.Compiler.Parsing.Generated.TriggerLangParser;

namespace TriggerLang.Compiler.Parsing;

/// <summary>
/// ANTLR's generated parser is recursive, and a stack overflow cannot be
/// caught in .NET. Before parsing, find the first place where brackets and
/// prefix operators nest deeper than a person would ever write, so that such
/// a file is reported instead of crashing the process.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 200;

    /// <summary>The first token at which nesting exceeds <see cref="MaxDepth"/>, or null.</summary>
    public static IToken? FindTooDeep(IList<IToken> tokens)
    {
        var depth = 0;
        var prefixRun = 0;
        IToken? previous = null;
        foreach (var token in tokens)
        {
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                continue;
            }
            switch (token.Type)
            {
                case LPAREN or LBRACK or LBRACE:
                    depth++;
                    prefixRun = 0;
                    break;
                case RPAREN or RBRACK or RBRACE:
                    depth = Math.Max(0, depth - 1);
                    prefixRun = 0;
                    break;
                case NOT:
                case MINUS when !EndsValue(previous):
                    prefixRun++;
                    break;
                default:
                    prefixRun = 0;
                    break;
            }
            if (depth + prefixRun > MaxDepth)
            {
                return token;
            }
            previous = token;
        }
        return null;
    }

    private static bool EndsValue(IToken? token) =>
        token is not null && token.Type is IDENT or INT or DECIMAL or STRING or DURATION or TIME or DATETIME or RPAREN or RBRACK
            or TRUE or FALSE or NULL or USER or EVENT or RULE || token is not null && token.Type >= AS && token.Type <= NO;
}
