using Scriban;
using Scriban.Syntax;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Engine.Rendering.Direct;

/// <summary>
/// Translates a parsed template into a <see cref="DirectTemplate"/> for one rule, when every node of it is in the subset
/// whose Scriban output we reproduce exactly; otherwise null, and the template keeps rendering through Scriban. The
/// subset (docs/language.md, Rendering): text; <c>{{ path }}</c> to a scalar of <c>user</c>, the trigger event (also as
/// its alias), <c>rule</c>, <c>count</c> or a loop's event, with the filters <c>default</c> (string or integer literal)
/// and, on numbers, <c>plus</c>/<c>minus</c> (integer literal); <c>if</c>/<c>elsif</c>/<c>else</c> on a path's
/// truthiness or on a path compared with a literal (numbers with an integer by any of <c>== != &lt; &lt;= &gt; &gt;=</c>;
/// texts and booleans with their own kind by <c>==</c>/<c>!=</c>); <c>for x in events</c> without options or
/// <c>else</c>. No whitespace control, no tag indented by blanks at the start of its line, no other tag. Types come
/// from the schema, so the choice is made here, once.
/// </summary>
internal sealed class DirectTemplateBuilder
{
    /// <summary>What the output of a value can be, as far as the filters and comparisons that follow care.</summary>
    private enum Kind
    {
        Text,
        Number,
        Bool,
        /// <summary>After <c>default</c>: the value or the literal, whichever it was.</summary>
        Either,
    }

    /// <summary>The filters of the subset: Scriban finds them by name among the variables, so a loop variable could hide one.</summary>
    private static readonly string[] Filters = ["default", "plus", "minus"];

    private readonly DirectNames _names;
    private readonly List<string> _loopVariables = [];
    private int _loopDepth;

    private DirectTemplateBuilder(DirectNames names) => _names = names;

    public static DirectTemplate? Build(Template template, DirectNames? names)
    {
        if (names is null || template.Page is not { FrontMatter: null, Body: { } body })
        {
            return null;
        }
        var builder = new DirectTemplateBuilder(names);
        return builder.Block(body) is { } nodes ? new DirectTemplate(nodes, builder._loopDepth) : null;
    }

    private DirectNode[]? Block(ScriptBlockStatement? block)
    {
        var nodes = new List<DirectNode>();
        foreach (var statement in block?.Statements ?? [])
        {
            switch (statement)
            {
                case ScriptRawStatement raw when !raw.IsEscape:
                    if (raw.Text.Length > 0)
                    {
                        nodes.Add(new DirectText(raw.Text.ToString()));
                    }
                    break;
                // A tag with only blanks before it on its line sets Scriban's indent, which it then writes after every
                // newline of what the tag outputs: not reproduced, so such templates stay with Scriban.
                case ScriptEscapeStatement escape when escape.WhitespaceMode == ScriptWhitespaceMode.None && string.IsNullOrEmpty(escape.Indent):
                case ScriptEndStatement:
                    break;
                case ScriptExpressionStatement { Expression: { } expression }:
                    if (Output(expression) is not { } value)
                    {
                        return null;
                    }
                    nodes.Add(new DirectOutput(value.Value));
                    break;
                case ScriptIfStatement { IsElseIf: false } conditional when conditional.GetType() == typeof(ScriptIfStatement):
                    if (If(conditional) is not { } node)
                    {
                        return null;
                    }
                    nodes.Add(node);
                    break;
                case ScriptForStatement loop when loop.GetType() == typeof(ScriptForStatement):
                    if (For(loop) is not { } forEvents)
                    {
                        return null;
                    }
                    nodes.Add(forEvents);
                    break;
                default:
                    return null;
            }
        }
        return [.. nodes];
    }

    private DirectIf? If(ScriptIfStatement first)
    {
        var conditions = new List<DirectCondition>();
        var branches = new List<DirectNode[]>();
        ScriptConditionStatement? next = first;
        while (next is ScriptIfStatement branch && branch.GetType() == typeof(ScriptIfStatement))
        {
            if (Condition(branch.Condition) is not { } condition || Block(branch.Then) is not { } then)
            {
                return null;
            }
            conditions.Add(condition);
            branches.Add(then);
            next = branch.Else;
        }
        switch (next)
        {
            case null:
                return new DirectIf([.. conditions], [.. branches], []);
            case ScriptElseStatement otherwise when otherwise.GetType() == typeof(ScriptElseStatement) && Block(otherwise.Body) is { } nodes:
                return new DirectIf([.. conditions], [.. branches], nodes);
            default:
                return null;
        }
    }

    private DirectForEvents? For(ScriptForStatement loop)
    {
        if (loop is not { NamedArguments: null or { Count: 0 }, Else: null, Variable: ScriptVariableGlobal variable, Iterator: ScriptVariableGlobal { Name: "events" } }
            || _names.IsGlobal(variable.Name) || _loopVariables.Contains(variable.Name) || Filters.Contains(variable.Name))
        {
            return null;
        }
        var depth = _loopVariables.Count;
        _loopVariables.Add(variable.Name);
        _loopDepth = Math.Max(_loopDepth, depth + 1);
        var body = Block(loop.Body);
        _loopVariables.RemoveAt(depth);
        return body is null ? null : new DirectForEvents(depth, body);
    }

    private DirectCondition? Condition(ScriptExpression? condition)
    {
        if (condition is not ScriptBinaryExpression { Right: ScriptLiteral { Value: var literal } } compare)
        {
            return Path(condition) is { } path ? new Truthy(path.Value) : null;
        }
        if (Path(compare.Left) is not { } left)
        {
            return null;
        }
        return (left.Kind, literal, compare.Operator) switch
        {
            (Kind.Number, int number, _) when ComparisonOf(compare.Operator) is { } comparison => new NumberComparison(left.Value, comparison, number),
            (Kind.Text, string text, ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual) =>
                new Equality(left.Value, text, compare.Operator == ScriptBinaryOperator.CompareNotEqual),
            (Kind.Bool, bool flag, ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual) =>
                new Equality(left.Value, flag, compare.Operator == ScriptBinaryOperator.CompareNotEqual),
            _ => null,
        };
    }

    private static Comparison? ComparisonOf(ScriptBinaryOperator op) => op switch
    {
        ScriptBinaryOperator.CompareEqual => Comparison.Equal,
        ScriptBinaryOperator.CompareNotEqual => Comparison.NotEqual,
        ScriptBinaryOperator.CompareLess => Comparison.Less,
        ScriptBinaryOperator.CompareLessOrEqual => Comparison.LessOrEqual,
        ScriptBinaryOperator.CompareGreater => Comparison.Greater,
        ScriptBinaryOperator.CompareGreaterOrEqual => Comparison.GreaterOrEqual,
        _ => null,
    };

    /// <summary>A path and its filters: Scriban nests <c>a | f | g</c> as <c>a | (f | g)</c>.</summary>
    private (DirectValue Value, Kind Kind)? Output(ScriptExpression expression)
    {
        if (expression is not ScriptPipeCall pipe)
        {
            return Path(expression);
        }
        var value = Path(pipe.From);
        var filters = pipe.To;
        while (value is not null && filters is ScriptPipeCall next)
        {
            value = Filter(value.Value, next.From);
            filters = next.To;
        }
        return value is null ? null : Filter(value.Value, filters);
    }

    private static (DirectValue Value, Kind Kind)? Filter((DirectValue Value, Kind Kind) input, ScriptExpression? filter)
    {
        if (filter is not ScriptFunctionCall { ExplicitCall: false, Target: ScriptVariableGlobal { Name: var name }, Arguments: [ScriptLiteral { Value: var literal }] } call)
        {
            return null;
        }
        return (name, literal, input.Kind) switch
        {
            ("default", string or int, _) => (new Defaulted(input.Value, literal), Kind.Either),
            ("plus", int amount, Kind.Number) => (new Shifted(input.Value, amount, call.Span), Kind.Number),
            ("minus", int amount, Kind.Number) => (new Shifted(input.Value, -(long)amount, call.Span), Kind.Number),
            _ => null,
        };
    }

    private (DirectValue Value, Kind Kind)? Path(ScriptExpression? expression)
    {
        switch (expression)
        {
            case ScriptVariableGlobal { Name: "count" }:
                return (new DigestCount(), Kind.Number);
            case ScriptMemberExpression { Target: ScriptVariableGlobal { Name: var root }, Member: ScriptVariableGlobal { Name: var member } }:
                var loop = _loopVariables.LastIndexOf(root);
                if (loop >= 0)
                {
                    return _names.EventField(member) is var (index, type) ? Typed(new LoopEventField(loop, index), type) : null;
                }
                if (_names.IsTrigger(root))
                {
                    return _names.EventField(member) is var (index, type) ? Typed(new TriggerField(index), type) : null;
                }
                return root switch
                {
                    "user" => _names.UserAttribute(member) is var (index, type) ? Typed(new UserAttribute(index), type) : null,
                    "rule" when member == "name" => (new Constant(_names.Rule.Name), Kind.Text),
                    "rule" when member == "title" => (new Constant(_names.Rule.Title), Kind.Text),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static (DirectValue, Kind)? Typed(DirectValue value, TrigType type) => type.Kind switch
    {
        TypeKind.String or TypeKind.User or TypeKind.Timestamp or TypeKind.Duration => (value, Kind.Text),
        TypeKind.Int or TypeKind.Decimal or TypeKind.Money => (value, Kind.Number),
        TypeKind.Bool => (value, Kind.Bool),
        _ => null, // lists print and filter in ways of their own: Scriban's
    };
}
