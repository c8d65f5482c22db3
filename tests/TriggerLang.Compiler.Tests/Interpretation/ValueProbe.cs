using System.Globalization;
using System.Text;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>
/// A condition that holds exactly when an expression has a given value, so
/// that a compiled rule can check a value the interpreter computed: a number
/// or text compares with its literal (numbers by value, so <c>1.0 == 1</c>),
/// a timestamp by its distance from the trigger's <c>t</c>, absent with
/// <c>== null</c>. Null when the value has no literal (lists).
/// </summary>
internal static class ValueProbe
{
    /// <summary>The probe of <paramref name="expression"/> having <paramref name="value"/>; <paramref name="t"/> is the trigger's <c>t</c>.</summary>
    public static string? Condition(string expression, object? value, DateTimeOffset t) => value switch
    {
        null => $"({expression}) == null",
        bool flag => $"({expression}) == {(flag ? "true" : "false")}",
        decimal number => $"({expression}) == {Number(number)}",
        string text => $"({expression}) == {Text(text)}",
        TimeSpan span => Duration(span) is { } literal ? $"({expression}) == {literal}" : null,
        DateTimeOffset time => Duration(time - t) is { } offset ? $"({expression}) - t == {offset}" : null,
        _ => null,
    };

    private static string Number(decimal number) =>
        number < 0 ? $"-({(-number).ToString(CultureInfo.InvariantCulture)})" : number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A string literal with everything but printable ASCII escaped as <c>\uXXXX</c>.</summary>
    public static string Text(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                literal.Append('\\').Append(c);
            }
            else if (c is >= ' ' and <= '~')
            {
                literal.Append(c);
            }
            else
            {
                literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }
        return literal.Append('"').ToString();
    }

    /// <summary>A duration literal in whole seconds (negated when negative), or null for fractions of a second.</summary>
    private static string? Duration(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return null;
        }
        var seconds = span.Ticks / TimeSpan.TicksPerSecond;
        return seconds < 0 ? $"-({-seconds}s)" : $"{seconds}s";
    }
}
