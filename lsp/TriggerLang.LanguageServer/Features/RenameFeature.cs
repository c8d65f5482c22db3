using System.Text.RegularExpressions;
using StreamJsonRpc;
using TriggerLang.Compiler.Semantics;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Rename of events, fields and user attributes: every use that
/// <see cref="ReferencesFeature"/> finds, in every file, Liquid templates
/// included. Rules are refused: a rule's name is also data, compared in
/// strings (<c>on message_sent where rule == "welcome"</c>) and stored with
/// the messages already sent, so a rename cannot find or fix all its uses.
/// </summary>
public static partial class RenameFeature
{
    /// <summary>The lexer's reserved words (grammar/TriggerLang.g4): an event may be named after a soft keyword, not these.</summary>
    private static readonly HashSet<string> Reserved =
        ["event", "user", "settings", "limits", "rule", "on", "test", "and", "or", "not", "in", "true", "false", "null", "send", "else"];

    /// <summary>The range of the name to rename; an error the editor shows for what cannot be renamed.</summary>
    public static Protocol.Range? Prepare(AnalysedDocument document, Position position) =>
        Target(document, position) is { } symbol ? Conversions.RangeOf(document.File, symbol.Span) : null;

    public static WorkspaceEdit? Rename(AnalysedDocument document, Position position, string newName)
    {
        if (Target(document, position) is not { } symbol)
        {
            return null;
        }
        var kind = symbol is EventAt ? "event" : symbol is FieldAt { Owner: "user" } ? "attribute" : "field";
        if (!Identifier().IsMatch(newName) || Reserved.Contains(newName))
        {
            throw Refuse($"`{newName}` is not a valid {kind} name");
        }
        if (Taken(document.Compilation.Model.Schema, symbol, newName) is { } conflict)
        {
            throw Refuse(conflict);
        }
        var changes = ReferencesFeature.References(document, position, includeDeclaration: true)!
            .GroupBy(l => l.Uri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TextEdit>)[.. g.Select(l => new TextEdit(l.Range, newName))], StringComparer.Ordinal);
        return new WorkspaceEdit(changes);
    }

    /// <summary>Why <paramref name="newName"/> is taken where <paramref name="symbol"/> is declared, or null when it is free.</summary>
    private static string? Taken(Schema schema, SymbolAt symbol, string newName) => symbol switch
    {
        EventAt when schema.Event(newName) is not null => $"an event named `{newName}` already exists",
        FieldAt { Owner: "user" } when schema.User.Attribute(newName) is not null => $"an attribute named `{newName}` already exists",
        FieldAt { Owner: not "user" } f when schema.Event(f.Owner)?.Field(newName) is not null => $"event `{f.Owner}` already has a field named `{newName}`",
        _ => null,
    };

    /// <summary>The event, field or attribute under the cursor; refuses what cannot be renamed, with the reason.</summary>
    private static SymbolAt? Target(AnalysedDocument document, Position position)
    {
        var symbol = SymbolFinder.Find(document, Conversions.ToOffset(document.File, position));
        return symbol switch
        {
            EventAt { Event.IsBuiltIn: true } => throw Refuse("built-in events cannot be renamed"),
            FieldAt f when f.Owner != "user" && document.Compilation.Model.Schema.Event(f.Owner) is { IsBuiltIn: true } =>
                throw Refuse("the fields of built-in events cannot be renamed"),
            EventAt or FieldAt => symbol,
            RuleAt => throw Refuse("rules cannot be renamed: a rule's name is also data, compared in strings (`where rule == \"…\"` of message_sent and message_opened rules) and kept with the messages already sent, which a rename cannot find or change"),
            _ => null,
        };
    }

    /// <summary>LSP's RequestFailed: the request was valid but cannot be done (JSON-RPC's InvalidParams would read as a wrong call).</summary>
    private const int RequestFailed = -32803;

    /// <summary>An error response (not a logged failure): the editor shows the message to the user.</summary>
    private static LocalRpcException Refuse(string message) => new(message) { ErrorCode = RequestFailed };

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex Identifier();
}
