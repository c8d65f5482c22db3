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

    public static string EventClass(int eventIndex) => $"Event{eventIndex}";

    public static string EventField(int fieldIndex) => $"F{fieldIndex}";

    public static string UserField(int declaredIndex) => $"A{declaredIndex}";

    public static string Where(int rule) => $"R{rule}Where";

    public static string Unless(int rule, int unless) => $"R{rule}Unless{unless}";

    public static string Goal(int rule) => $"R{rule}Goal";

    public static string Audience(int rule) => $"R{rule}Audience";

    public static string Constant(int index) => $"C{index}";
}
