namespace TriggerLang.Compiler.TypeSystem;

/// <summary>The functions of LANGUAGE.md §4, plus <c>followers</c> for <c>to</c> clauses. Their typing lives in the binder.</summary>
public static class BuiltInFunctions
{
    public static readonly FunctionSymbol Lower = new("lower", "lower(text: string)", "The text in lower case.", 1, 1);
    public static readonly FunctionSymbol Upper = new("upper", "upper(text: string)", "The text in upper case.", 1, 1);
    public static readonly FunctionSymbol Len = new("len", "len(value: string | list)", "The number of characters of a string or items of a list.", 1, 1);
    public static readonly FunctionSymbol Contains = new("contains", "contains(value: string | list, item)", "Whether the string contains the text, or the list the item.", 2, 2);
    public static readonly FunctionSymbol StartsWith = new("starts_with", "starts_with(text: string, prefix: string)", "Whether the text starts with the prefix.", 2, 2);
    public static readonly FunctionSymbol EndsWith = new("ends_with", "ends_with(text: string, suffix: string)", "Whether the text ends with the suffix.", 2, 2);
    public static readonly FunctionSymbol Abs = new("abs", "abs(number)", "The absolute value.", 1, 1);
    public static readonly FunctionSymbol Round = new("round", "round(number, [digits: int])", "Rounds half away from zero, to 0 or the given number of decimal places.", 1, 2);
    public static readonly FunctionSymbol Min = new("min", "min(a, b)", "The smaller of two numbers, timestamps or durations.", 2, 2);
    public static readonly FunctionSymbol Max = new("max", "max(a, b)", "The larger of two numbers, timestamps or durations.", 2, 2);
    public static readonly FunctionSymbol Coalesce = new("coalesce", "coalesce(value, fallback)", "The first value that is present.", 2, 2);
    public static readonly FunctionSymbol Exists = new("exists", "exists(value)", "Whether an optional value is present.", 1, 1);
    public static readonly FunctionSymbol DaysSince = new("days_since", "days_since(time: timestamp)", "Whole 24-hour periods from the time to now (the trigger time in where).", 1, 1);
    public static readonly FunctionSymbol Followers = new("followers", "followers(person: user)", "Everyone who follows the user (an audience for `to`).", 1, 1);

    public static IReadOnlyDictionary<string, FunctionSymbol> All { get; } =
        new[] { Lower, Upper, Len, Contains, StartsWith, EndsWith, Abs, Round, Min, Max, Coalesce, Exists, DaysSince, Followers }
            .ToDictionary(f => f.Name, StringComparer.Ordinal);
}
