namespace TriggerLang.Compiler.Interpretation;

/// <summary>
/// The built-in functions of LANGUAGE.md §4 on interpreted values. An absent
/// argument gives an absent result, except for <c>exists</c> and
/// <c>coalesce</c>, which exist to handle absence (§11).
/// </summary>
internal static class Functions
{
    public static object? Call(string name, object?[] args, DateTimeOffset now)
    {
        switch (name)
        {
            case "exists":
                return args[0] is not null;
            case "coalesce":
                return args[0] ?? args[1];
        }
        if (args.Any(a => a is null))
        {
            return null;
        }
        return (name, args) switch
        {
            ("lower", [string text]) => text.ToLowerInvariant(),
            ("upper", [string text]) => text.ToUpperInvariant(),
            // Length in UTF-16 code units, like .NET strings (LANGUAGE.md does not say; see docs/language.md).
            ("len", [string text]) => (decimal)text.Length,
            ("len", [object?[] list]) => (decimal)list.Length,
            ("contains", [string text, string part]) => text.Contains(part, StringComparison.Ordinal),
            ("contains", [object?[] list, var item]) => list.Any(element => Values.AreEqual(element, item)),
            ("starts_with", [string text, string prefix]) => text.StartsWith(prefix, StringComparison.Ordinal),
            ("ends_with", [string text, string suffix]) => text.EndsWith(suffix, StringComparison.Ordinal),
            ("abs", [decimal x]) => Math.Abs(x),
            ("abs", [TimeSpan d]) => Operators.Guard(d.Duration),
            ("round", [decimal x]) => Round(x, 0m),
            ("round", [decimal x, decimal digits]) => Round(x, digits),
            ("min", [var a, var b]) => Values.Order(a!, b!) <= 0 ? a : b,
            ("max", [var a, var b]) => Values.Order(a!, b!) >= 0 ? a : b,
            ("days_since", [DateTimeOffset time]) => DaysSince(time, now),
            // `to followers(x)`: the audience is named by the user x.
            ("followers", [string id]) => id,
            _ => throw new InvalidOperationException($"no function {name} of {string.Join(", ", args.Select(a => a!.GetType().Name))}"),
        };
    }

    /// <summary>Half away from zero, to 0..28 places; any other number of places is absent.</summary>
    private static object? Round(decimal x, decimal digits) =>
        digits is >= 0 and <= 28 && digits == decimal.Floor(digits)
            ? decimal.Round(x, (int)digits, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>Whole 24-hour periods from <paramref name="time"/> to now, truncated toward zero (negative for a future time).</summary>
    private static decimal DaysSince(DateTimeOffset time, DateTimeOffset now) =>
        decimal.Truncate((decimal)(now.UtcTicks - time.UtcTicks) / TimeSpan.TicksPerDay);
}
