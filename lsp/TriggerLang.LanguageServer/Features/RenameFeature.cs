using System.Text.RegularExpressions;
using StreamJsonRpc;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Rename, for events only: an event's name appears only where
/// <see cref="ReferencesFeature"/> finds it (declarations, clauses, tests).
/// Fields, attributes and rules also appear inside Liquid templates and
/// strings (<c>where rule == "welcome"</c>), which references do not see yet,
/// so renaming them would silently break the project; they are refused with
/// that reason.
/// </summary>
public static partial class RenameFeature
{
    /// <summary>The lexer's reserved words (grammar/TriggerLang.g4): an event may be named after a soft keyword, not these.</summary>
    private static readonly HashSet<string> Reserved =
        ["event", "user", "settings", "limits", "rule", "on", "test", "and", "or", "not", "in", "true", "false", "null", "send", "else"];

    /// <summary>The range of the event name to rename; an error the editor shows for anything else.</summary>
    public static Protocol.Range? Prepare(AnalysedDocument document, Position position)
    {
        var symbol = SymbolFinder.Find(document, Conversions.ToOffset(document.File, position));
        return symbol switch
        {
            EventAt { Event.IsBuiltIn: false } e => Conversions.RangeOf(document.File, e.Span),
            EventAt => throw Refuse("built-in events cannot be renamed"),
            FieldAt or RuleAt => throw Refuse("only events can be renamed for now: fields, attributes and rules are also used in templates and strings, which rename does not update yet"),
            _ => null,
        };
    }

    public static WorkspaceEdit? Rename(AnalysedDocument document, Position position, string newName)
    {
        if (Prepare(document, position) is null)
        {
            return null;
        }
        if (!Identifier().IsMatch(newName) || Reserved.Contains(newName))
        {
            throw Refuse($"`{newName}` is not a valid event name");
        }
        if (document.Compilation.Model.Schema.Event(newName) is not null)
        {
            throw Refuse($"an event named `{newName}` already exists");
        }
        var changes = ReferencesFeature.References(document, position, includeDeclaration: true)!
            .GroupBy(l => l.Uri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TextEdit>)[.. g.Select(l => new TextEdit(l.Range, newName))], StringComparer.Ordinal);
        return new WorkspaceEdit(changes);
    }

    /// <summary>LSP's RequestFailed: the request was valid but cannot be done (JSON-RPC's InvalidParams would read as a wrong call).</summary>
    private const int RequestFailed = -32803;

    /// <summary>An error response (not a logged failure): the editor shows the message to the user.</summary>
    private static LocalRpcException Refuse(string message) => new(message) { ErrorCode = RequestFailed };

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex Identifier();
}
