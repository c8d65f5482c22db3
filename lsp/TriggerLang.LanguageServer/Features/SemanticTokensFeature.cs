using TriggerLang.Compiler.Syntax;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Semantic tokens for what only the compiler knows: which names are events,
/// fields, functions, rules and channels (resolved like hover). Keywords,
/// strings, numbers and comments are left to the editor's syntax grammar.
/// </summary>
public static class SemanticTokensFeature
{
    public static SemanticTokensLegend Legend { get; } = new(["type", "property", "function", "enumMember"], ["declaration", "defaultLibrary"]);

    private const int Type = 0;
    private const int Property = 1;
    private const int Function = 2;
    private const int EnumMember = 3;
    private const int Declaration = 1;
    private const int DefaultLibrary = 2;

    public static SemanticTokens? Tokens(AnalysedDocument document)
    {
        var data = new List<int>();
        var (line, character) = (0, 0);
        foreach (var identifier in document.Tree.Root.DescendantsAndSelf().OfType<IdentifierSyntax>().Where(i => !i.IsMissing).OrderBy(i => i.Span.Start))
        {
            if (Classify(SymbolFinder.Find(document, identifier.Span.Start)) is not var (type, modifiers))
            {
                continue;
            }
            var start = document.File.GetLinePosition(identifier.Span.Start);
            data.AddRange([start.Line - line, start.Line == line ? start.Character - character : start.Character, identifier.Span.Length, type, modifiers]);
            (line, character) = (start.Line, start.Character);
        }
        return new SemanticTokens(data);
    }

    private static (int Type, int Modifiers)? Classify(SymbolAt? symbol) => symbol switch
    {
        EventAt e => (Type, (e.Event.Declaration is { } d && d.Span == e.Span ? Declaration : 0) | (e.Event.IsBuiltIn ? DefaultLibrary : 0)),
        FieldAt f => (Property, (f.Field.Declaration is { } d && d.Span == f.Span ? Declaration : 0) | (f.Field.IsBuiltIn ? DefaultLibrary : 0)),
        RuleAt r => (Function, r.Rule.Location.Span == r.Span ? Declaration : 0),
        FunctionAt => (Function, DefaultLibrary),
        ChannelAt => (EnumMember, 0),
        _ => null,
    };
}
