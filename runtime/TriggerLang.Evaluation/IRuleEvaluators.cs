namespace TriggerLang.Evaluation;

/// <summary>
/// What a compiled rule pack evaluates per event. Rules are numbered in the
/// order of the semantic model (files by path, rules in source order);
/// <c>unless</c> clauses in source order within their rule. <c>now</c> is the
/// evaluation time: the trigger time for <c>where</c> and <c>to</c>, the send
/// time for <c>unless … where</c>, the candidate's time for <c>goal … where</c>.
/// A predicate that is absent (optional boolean) counts as false.
/// </summary>
public interface IRuleEvaluators
{
    /// <summary>The rule's <c>where</c>; true when it has none.</summary>
    bool Where(int rule, EventRecord trigger, UserRecord user, DateTimeOffset now);

    /// <summary>The <c>where</c> of the rule's <paramref name="unless"/>-th unless clause against a candidate exception event; true when it has none.</summary>
    bool UnlessWhere(int rule, int unless, EventRecord trigger, EventRecord candidate, UserRecord user, DateTimeOffset now);

    /// <summary>The <c>where</c> of the rule's goal against a candidate conversion event; true when it has none.</summary>
    bool GoalWhere(int rule, EventRecord trigger, EventRecord candidate, UserRecord user, DateTimeOffset now);

    /// <summary>
    /// The user id the rule's <c>to</c> names: the user whose followers receive it
    /// (<c>to followers(x)</c>) or the single recipient (<c>to x</c>); null when absent.
    /// Not called for rules without <c>to</c>.
    /// </summary>
    string? Audience(int rule, EventRecord trigger, UserRecord user, DateTimeOffset now);

    /// <summary>A new, empty event record of the named type, or null when the project has no such event.</summary>
    EventRecord? NewEvent(string name);

    /// <summary>A new, empty profile of this project's user type.</summary>
    UserRecord NewUser(string id);
}
