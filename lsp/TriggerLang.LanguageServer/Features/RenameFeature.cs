using System.Text.RegularExpressions;
using StreamJsonRpc;
using TriggerLang.Compiler;
using TriggerLang.Compiler.Semantics;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Rename of events, fields, user attributes and rules: every use that
/// <see cref="ReferencesFeature"/> finds, in every file, Liquid templates
/// included. For a rule: its declaration, the tests' <c>expect</c>, and the
/// strings the semantic model knows hold its name (<see cref="RuleNameStrings"/>:
/// <c>where rule == "name"</c> on the built-in message events, and their
/// <c>rule:</c> in tests); other strings are data and stay as they are.
/// A rule's name is its stable id: the runtime's caps and send history kept
/// under the old name do not follow (README).
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
        var kind = symbol switch { EventAt => "event", RuleAt => "rule", FieldAt { Owner: "user" } => "attribute", _ => "field" };
        if (!Identifier().IsMatch(newName) || Reserved.Contains(newName))
        {
            throw Refuse($"`{newName}` is not a valid {kind} name");
        }
        if (symbol is RuleAt && newName == "no")
        {
            throw Refuse("`no` cannot name a rule: a test's `expect no …` would read it as the keyword");
        }
        if (Taken(document.Compilation, symbol, newName) is { } conflict)
        {
            throw Refuse(conflict);
        }
        var changes = ReferencesFeature.References(document, position, includeDeclaration: true)!
            .GroupBy(l => l.Uri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TextEdit>)[.. g.Select(l => new TextEdit(l.Range, newName))], StringComparer.Ordinal);
        return new WorkspaceEdit(changes);
    }

    /// <summary>Why <paramref name="newName"/> is taken where <paramref name="symbol"/> is declared, or null when it is free.</summary>
    private static string? Taken(Compilation compilation, SymbolAt symbol, string newName)
    {
        var schema = compilation.Model.Schema;
        return symbol switch
        {
            EventAt when schema.Event(newName) is not null => $"an event named `{newName}` already exists",
            FieldAt { Owner: "user" } when schema.User.Attribute(newName) is not null => $"an attribute named `{newName}` already exists",
            FieldAt { Owner: not "user" } f when schema.Event(f.Owner)?.Field(newName) is not null => $"event `{f.Owner}` already has a field named `{newName}`",
            RuleAt r when r.Rule.Name != newName && compilation.Model.Rule(newName) is { } other =>
                $"a rule named `{newName}` already exists{(other.IsAnonymous ? " (the name of an anonymous rule, from its file)" : "")}",
            // Such a string names no rule yet (a deleted one's history, a typo): after the rename it would denote this rule.
            RuleAt r when r.Rule.Name != newName && RuleNameStrings.Find(compilation).FirstOrDefault(s => s.Name == newName) is { } used =>
                $"`{newName}` is already compared with a message's `rule` at {Path.GetFileName(used.File.Path)}:{used.File.GetLinePosition(used.Span.Start).Line + 1}: after the rename it would mean this rule",
            _ => null,
        };
    }

    /// <summary>The event, field, attribute or rule under the cursor; refuses what cannot be renamed, with the reason.</summary>
    private static SymbolAt? Target(AnalysedDocument document, Position position)
    {
        var symbol = SymbolFinder.Find(document, Conversions.ToOffset(document.File, position));
        return symbol switch
        {
            EventAt { Event.IsBuiltIn: true } => throw Refuse("built-in events cannot be renamed"),
            FieldAt f when f.Owner != "user" && document.Compilation.Model.Schema.Event(f.Owner) is { IsBuiltIn: true } =>
                throw Refuse("the fields of built-in events cannot be renamed"),
            RuleAt { Rule.IsAnonymous: true } r =>
                throw Refuse($"rule `{r.Rule.Name}` is anonymous: its name comes from its file; give it a name (`rule NAME on …`) to rename it"),
            EventAt or FieldAt or RuleAt => symbol,
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
