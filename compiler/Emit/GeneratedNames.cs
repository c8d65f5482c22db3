namespace TriggerLang.Compiler.Emit;

/// <summary>
/// Every identifier in generated code is made here from indexes, never from
/// rule text: a rule or field name can be a C# keyword, contain unicode
/// escapes or collide with another, so it only ever appears as a string literal.
/// </summary>
internal static class GeneratedNames
{
    public const string Namespace = "TriggerLang.Generated";

    public const string PackClass = "RulePack";

    public const string UserClass = "ProjectUser";

    /// <summary>The <c>global using</c> alias of the <c>TriggerLang.Evaluation</c> namespace: short names make Roslyn's work smaller.</summary>
    public const string EvaluationAlias = "Ev";

    /// <summary>The <c>global using</c> alias of <c>TriggerLang.Evaluation.TrigOps</c>, the most frequent name in the code.</summary>
    public const string OpsAlias = "Ops";

    /// <summary>The generated class of one forwarder per <c>TrigOps</c> overload (<see cref="TypedOps"/>).</summary>
    public const string TypedOpsClass = "Op";

    /// <summary>The static field of an event class that holds its field names for the fast JSON reader (<c>PropertyNames</c>).</summary>
    public const string EventPropertyNames = "Names";

    public static string EventClass(int eventIndex) => $"Event{eventIndex}";

    public static string EventField(int fieldIndex) => $"F{fieldIndex}";

    public static string UserField(int declaredIndex) => $"A{declaredIndex}";

    /// <summary>The class of the rule with this index in the model: the name the pack looks it up by.</summary>
    public static string RuleClass(int rule) => Evaluation.CompiledRulePack.RuleClassName(rule);

    public static string Constant(int index) => $"C{index}";

    /// <summary>The rule index of a name made by <see cref="RuleClass"/>, or null.</summary>
    public static int? RuleIndex(string identifier) =>
        identifier.Length > 1 && identifier[0] == 'R' && int.TryParse(identifier.AsSpan(1), System.Globalization.NumberStyles.None, null, out var index)
            ? index
            : null;
}
