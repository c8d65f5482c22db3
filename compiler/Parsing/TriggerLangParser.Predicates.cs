namespace TriggerLang.Compiler.Parsing.Generated;

/// <summary>The semantic predicates that grammar/TriggerLang.g4 calls.</summary>
public partial class TriggerLangParser
{
    /// <summary>
    /// At <c>at T</c> right after an expectation: true when a statement body
    /// follows the time (<c>event X for U</c>, <c>user U</c>, <c>A follows B</c>),
    /// so that the time belongs to that next statement, not to the expectation.
    /// </summary>
    private bool TimeStartsStatement()
    {
        var afterTime = TokenStream.LA(3);
        return afterTime is EVENT or USER || IsName(afterTime) && TokenStream.LA(4) == FOLLOWS;
    }

    /// <summary>Whether a token of this type can be an <c>identifier</c>: a name or a soft keyword.</summary>
    internal static bool IsName(int tokenType) => tokenType == IDENT || tokenType is >= AS and <= NO;
}
