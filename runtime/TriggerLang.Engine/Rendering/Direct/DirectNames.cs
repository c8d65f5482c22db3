using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Engine.Rendering.Direct;

/// <summary>
/// What the names of one rule's templates mean (LANGUAGE.md §5), as <see cref="TemplateValues.Globals"/> fills them:
/// <c>user</c>'s attributes, the trigger event's fields (as <c>event</c>, as the alias, and for each digest event),
/// <c>rule</c>, <c>count</c>. Null for a rule whose names would not resolve as plainly: no trigger event, or an alias
/// that another name overwrites there (or overwrites).
/// </summary>
internal sealed class DirectNames
{
    /// <summary>The names of the globals; a loop variable named like one of them would shadow it.</summary>
    private static readonly string[] Globals = ["user", "event", "rule", "events", "count"];

    private readonly IReadOnlyList<FieldSymbol> _attributes;
    private readonly IReadOnlyList<FieldSymbol> _eventFields;

    private DirectNames(SemanticModel model, BoundRule rule, IReadOnlyList<FieldSymbol> eventFields)
    {
        _attributes = model.Schema.User.Attributes;
        _eventFields = eventFields;
        Rule = rule;
    }

    public BoundRule Rule { get; }

    public static DirectNames? Of(SemanticModel model, BoundRule rule) =>
        rule.Trigger is { } trigger
        && model.Schema.Events.TryGetValue(trigger.Name, out var symbol)
        && (rule.TriggerAlias is null || rule.TriggerAlias == "event" || !Globals.Contains(rule.TriggerAlias))
            ? new DirectNames(model, rule, symbol.Fields)
            : null;

    public bool IsGlobal(string name) => Globals.Contains(name) || name == Rule.TriggerAlias;

    public bool IsTrigger(string name) => name == "event" || name == Rule.TriggerAlias;

    /// <summary>The index and type of a user attribute, built-ins first (the order of <c>UserRecord.GetAttribute</c>).</summary>
    public (int Index, TrigType Type)? UserAttribute(string name) => Find(_attributes, name);

    /// <summary>The index and type of a field of the trigger event, which is also every digest event's.</summary>
    public (int Index, TrigType Type)? EventField(string name) => Find(_eventFields, name);

    private static (int, TrigType)? Find(IReadOnlyList<FieldSymbol> fields, string name)
    {
        // From the end: where a name repeats, the globals keep the last one written.
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Name == name)
            {
                return (i, fields[i].Type);
            }
        }
        return null;
    }
}
