namespace TriggerLang.Evaluation;

/// <summary>
/// One rule's predicates in a compiled pack. The emitter writes a small sealed
/// subclass per rule that has any predicate, overriding only what the rule
/// declares; the defaults are those of <see cref="IRuleEvaluators"/> for a
/// clause that is absent. One class per rule (rather than one dispatch
/// <c>switch</c> over every rule) keeps each method small for Roslyn and the
/// JIT, and lets a rule's constants be initialised only when the rule is first
/// evaluated.
/// </summary>
public abstract class CompiledRule
{
    /// <summary>The shared instance for rules without any predicate.</summary>
    public static CompiledRule None { get; } = new NoPredicates();

    /// <summary>The rule's <c>where</c>; true when it has none.</summary>
    public virtual bool Where(EventRecord trigger, UserRecord user, DateTimeOffset now) => true;

    /// <summary>The <c>where</c> of the <paramref name="unless"/>-th unless clause; true when it has none.</summary>
    public virtual bool UnlessWhere(int unless, EventRecord trigger, EventRecord candidate, UserRecord user, DateTimeOffset now) => true;

    /// <summary>The <c>where</c> of the goal; true when it has none.</summary>
    public virtual bool GoalWhere(EventRecord trigger, EventRecord candidate, UserRecord user, DateTimeOffset now) => true;

    /// <summary>The user id the rule's <c>to</c> names; null when it has none.</summary>
    public virtual string? Audience(EventRecord trigger, UserRecord user, DateTimeOffset now) => null;

    private sealed class NoPredicates : CompiledRule;
}
