namespace TriggerLang.Evaluation;

/// <summary>
/// The base of a generated <c>RulePack</c>: <see cref="IRuleEvaluators"/> over
/// an array of <see cref="CompiledRule"/>, one per rule in model order. Living
/// here rather than in generated code, the dispatch is compiled once with the
/// host (ReadyToRun when the host is) instead of being JIT-compiled per pack.
/// An index outside the array answers as a rule without predicates, as the
/// contract says for a clause that is absent.
/// </summary>
public abstract class CompiledRulePack : IRuleEvaluators
{
    // Made on first use: creating every rule's object when the pack loaded loaded all their types, about 40 ms of
    // the 60 ms a cached 1,000-rule pack took to load (bench/README.md, Back end).
    private readonly CompiledRule?[] _rules;

    protected CompiledRulePack(int ruleCount) => _rules = new CompiledRule?[ruleCount];

    /// <summary>The generated class of the rule with this index, in the pack's namespace; a rule without predicates has none.</summary>
    public static string RuleClassName(int rule) => $"R{rule}";

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

    private CompiledRule Rule(int rule) => (uint)rule < (uint)_rules.Length ? _rules[rule] ?? Create(rule) : CompiledRule.None;

    private CompiledRule Create(int rule)
    {
        var type = GetType();
        var created = type.Assembly.GetType($"{type.Namespace}.{RuleClassName(rule)}", throwOnError: false) is { } ruleClass
            ? (CompiledRule)Activator.CreateInstance(ruleClass)!
            : CompiledRule.None;
        // Two threads may create the same rule at once: rule objects hold no state, so either may win.
        return Interlocked.CompareExchange(ref _rules[rule], created, null) ?? created;
    }
}
