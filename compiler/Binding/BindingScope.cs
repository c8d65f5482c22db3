using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Compiler.Binding;

/// <summary>
/// What names mean inside one expression (LANGUAGE.md §4): bare names are
/// fields of <see cref="BareEvent"/>; <c>user</c> is the recipient; <c>event</c>
/// and the trigger's alias are the trigger event; an <c>unless</c>/<c>goal</c>
/// alias is the candidate event.
/// </summary>
public sealed class BindingScope
{
    private readonly Dictionary<string, (RecordRoot Root, EventSymbol? Event)> _records = new(StringComparer.Ordinal);

    public BindingScope(string clause, UserSchema user, EventSymbol? trigger, string? triggerAlias, RecordRoot bareRoot, EventSymbol? bareEvent)
    {
        Clause = clause;
        User = user;
        BareRoot = bareRoot;
        BareEvent = bareEvent;
        _records["event"] = (RecordRoot.Trigger, trigger);
        if (triggerAlias is not null)
        {
            _records[triggerAlias] = (RecordRoot.Trigger, trigger);
        }
    }

    /// <summary>The clause keyword, for messages ("the `where` condition…").</summary>
    public string Clause { get; }

    public UserSchema User { get; }

    public RecordRoot BareRoot { get; }

    /// <summary>Whose fields bare names are; null when unknown (the event has an error already) or when there is none (tests).</summary>
    public EventSymbol? BareEvent { get; }

    /// <summary>Whether the bare-name event is unresolved (so unknown names are not reported twice).</summary>
    public bool BareEventUnknown { get; init; }

    public bool AllowsFollowers { get; init; }

    public void AddCandidateAlias(string alias, EventSymbol? candidate) => _records[alias] = (RecordRoot.Candidate, candidate);

    public bool TryGetRecord(string name, out RecordRoot root, out EventSymbol? symbol)
    {
        if (name == "user")
        {
            root = RecordRoot.User;
            symbol = null;
            return true;
        }
        if (_records.TryGetValue(name, out var record))
        {
            (root, symbol) = record;
            return true;
        }
        root = default;
        symbol = null;
        return false;
    }

    public IEnumerable<string> RecordNames => _records.Keys.Append("user");
}
