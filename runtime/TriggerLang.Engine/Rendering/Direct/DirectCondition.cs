namespace TriggerLang.Engine.Rendering.Direct;

/// <summary>
/// The test of an <c>if</c> or <c>elsif</c>, as Scriban's Liquid mode decides it: only absent and <c>false</c> are
/// falsy (the empty string and 0 are true), and a comparison with an absent value is false except <c>!=</c>.
/// </summary>
internal abstract class DirectCondition
{
    public abstract bool Test(DirectRender render);
}

internal sealed class Truthy(DirectValue value) : DirectCondition
{
    public override bool Test(DirectRender render) => value.Read(render) is not (null or false);
}

/// <summary>A number compared with an integer literal: exact, in decimal.</summary>
internal sealed class NumberComparison(DirectValue value, Comparison comparison, decimal literal) : DirectCondition
{
    public override bool Test(DirectRender render)
    {
        decimal number;
        switch (value.Read(render))
        {
            case decimal d:
                number = d;
                break;
            case int i:
                number = i;
                break;
            case long l:
                number = l;
                break;
            default:
                return comparison == Comparison.NotEqual;
        }
        return comparison switch
        {
            Comparison.Equal => number == literal,
            Comparison.NotEqual => number != literal,
            Comparison.Less => number < literal,
            Comparison.LessOrEqual => number <= literal,
            Comparison.Greater => number > literal,
            _ => number >= literal,
        };
    }
}

/// <summary>A text (a string, or a timestamp's or duration's text) or a boolean tested for equality with a literal of its kind.</summary>
internal sealed class Equality(DirectValue value, object literal, bool negated) : DirectCondition
{
    public override bool Test(DirectRender render) => value.Read(render) switch
    {
        null => negated,
        var present => TemplateValues.Value(present)!.Equals(literal) != negated,
    };
}

internal enum Comparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
