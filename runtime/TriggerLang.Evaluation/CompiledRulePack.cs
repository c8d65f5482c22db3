namespace TriggerLang.Evaluation;

/// <summary>
/// The base of a generated <c>RulePack</c>: <see cref="IRuleEvaluators"/> over
/// an array of <see cref="CompiledRule"/>, one per rule in model order. Living
/// here rather than in generated code, the dispatch is compiled once with the
/// host (ReadyToRun when the host is) instead of being JIT-compiled per pack.
/// An index outside the array answers as a rule without predicates, as the
/// contract says for a clause that is absent.
/// </summary>
public abstract class CompiledRulePack(CompiledRule[] rules) : IRuleEvaluators
{
    private readonly CompiledRule[] _rules = rules;

    public bool Where(int rule, EventRecord trigger, UserRecord user, DateTimeOffset now) =>
        Rule(rule).Where(trigger, user, now);

    public bool UnlessWhere(int rule, int unless, EventRecord trigger, EventRecord candidate, UserRecord user, DateTimeOffset now) =>
        Rule(rule).UnlessWhere(unless, trigger, candidate, user, now);

    public bool GoalWhere(int rule, EventRecord trigger, EventRecord candidate, UserRecord user, DateTimeOffset now) =>
        Rule(rule).GoalWhere(trigger, candidate, user, now);

    public string? Audience(int rule, EventRecord trigger, UserRecord user, DateTimeOffset now) =>
        Rule(rule).Audience(trigger, user, now);

    public abstract EventRecord? NewEvent(string name);

    public abstract UserRecord NewUser(string id);

    private CompiledRule Rule(int rule) => (uint)rule < (uint)_rules.Length ? _rules[rule] : CompiledRule.None;
}
