namespace TriggerLang.LanguageServer.Protocol;

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

/// <summary>Kind uses LSP's SymbolKind numbers (see <see cref="SymbolKind"/>).</summary>
public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, IReadOnlyList<DocumentSymbol>? Children);

public static class SymbolKind
{
    public const int Function = 12;
    public const int Field = 8;
    public const int Struct = 23;
    public const int Event = 24;
    public const int Object = 19;
}

public sealed record CompletionItem(string Label, int Kind, string? Detail);

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

public static class CompletionItemKind
{
    public const int Function = 3;
    public const int Field = 5;
    public const int Keyword = 14;
    public const int Event = 23;
    public const int Module = 9;
}

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range);

/// <summary>Changes: edits by document URI.</summary>
public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

public sealed record CodeAction(string Title, string Kind, IReadOnlyList<LspDiagnostic> Diagnostics, WorkspaceEdit Edit, bool IsPreferred);

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

/// <summary>Kind: "comment" for block comments, null for code.</summary>
public sealed record FoldingRange(int StartLine, int EndLine, string? Kind);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext Context);

public sealed record ReferenceContext(bool IncludeDeclaration);

/// <summary>Kind uses LSP's DocumentHighlightKind: 1 text, 2 read, 3 write (we mark a declaration as write).</summary>
public sealed record DocumentHighlight(Range Range, int Kind);

public sealed record SignatureHelp(IReadOnlyList<SignatureInformation> Signatures, int ActiveSignature, int ActiveParameter);

public sealed record SignatureInformation(string Label, string? Documentation, IReadOnlyList<ParameterInformation> Parameters);

/// <summary>Label: [start, end) offsets of the parameter in the signature's label.</summary>
public sealed record ParameterInformation(IReadOnlyList<int> Label);

public sealed record SignatureHelpOptions(IReadOnlyList<string> TriggerCharacters);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

/// <summary>Five integers per token: line delta, start delta, length, type index, modifier bits (LSP 3.17 §semanticTokens).</summary>
public sealed record SemanticTokens(IReadOnlyList<int> Data);

public sealed record SemanticTokensLegend(IReadOnlyList<string> TokenTypes, IReadOnlyList<string> TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full);
