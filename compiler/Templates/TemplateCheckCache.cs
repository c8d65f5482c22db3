using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// The results of <see cref="TemplateChecker.Check"/> kept by template text and
/// the shape of its scope, for a host that compiles the same project after every
/// keystroke (the language server): most templates are unchanged between two
/// compilations, and checking them (Scriban's parse, the scope's shapes) is most
/// of the binding time. A result is the checker's diagnostics in template
/// offsets, mapped through the caller's <c>locate</c> on each use, so that a
/// template that moved in its file (or is shared by two rules) gets the same
/// diagnostics an uncached check gives. The key holds everything the checker
/// reads: the text, digest or not, the alias, and the names, types and
/// built-in-ness of the trigger's fields and the user's attributes (not their
/// declarations' positions, which the checker never reports). Thread-safe;
/// emptied when it grows past <see cref="Capacity"/> entries.
/// </summary>
public sealed class TemplateCheckCache
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<(string Text, string Scope), Diagnostic[]> _results = new();

    public int Count => _results.Count;

    public void Check(string text, TemplateScope scope, Func<int, int, Location> locate, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(locate);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var key = (text, Signature(scope));
        if (!_results.TryGetValue(key, out var recorded))
        {
            var anywhere = new SourceFile("", text);
            var found = new List<Diagnostic>();
            TemplateChecker.Check(text, scope, (offset, length) => new Location(anywhere, new TextSpan(offset, length)), found);
            recorded = [.. found];
            if (_results.Count >= Capacity)
            {
                _results.Clear();
            }
            _results[key] = recorded;
        }
        foreach (var diagnostic in recorded)
        {
            diagnostics.Add(diagnostic with
            {
                Location = diagnostic.Location is { } at ? locate(at.Span.Start, at.Span.Length) : null,
                Fix = diagnostic.Fix is { } fix ? fix with { Span = locate(fix.Span.Start, fix.Span.Length).Span } : null,
            });
        }
    }

    // A compilation shares one symbol per event and one user schema among its rules: their part of the key is built once.
    private readonly ConditionalWeakTable<Semantics.EventSymbol, string> _events = [];
    private readonly ConditionalWeakTable<Semantics.UserSchema, string> _users = [];

    private string Signature(TemplateScope scope)
    {
        var trigger = scope.Trigger is { } e ? _events.GetValue(e, EventKey) : "";
        var user = _users.GetValue(scope.User, UserKey);
        return $"{(scope.IsDigest ? "digest" : "single")}|{scope.TriggerAlias}|{trigger}|{user}";
    }

    private static string EventKey(Semantics.EventSymbol trigger)
    {
        var key = new StringBuilder().Append(trigger.Name).Append(trigger.IsBuiltIn ? "*" : "").Append('{');
        Fields(key, trigger.Fields);
        return key.Append('}').ToString();
    }

    private static string UserKey(Semantics.UserSchema user)
    {
        var key = new StringBuilder("user{");
        Fields(key, user.Attributes);
        return key.Append('}').ToString();
    }

    private static void Fields(StringBuilder key, IEnumerable<Semantics.FieldSymbol> fields)
    {
        foreach (var field in fields)
        {
            key.Append(field.Name).Append(':').Append(field.Type).Append(field.IsBuiltIn ? "*" : "").Append(';');
        }
    }
}
