using System.Text;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// One rule's class: <c>sealed class R5 : Ev.CompiledRule</c>, overriding the
/// predicates the rule declares (<c>where</c>, <c>unless … where</c>,
/// <c>goal … where</c>, <c>to</c>) with its constant lists as its own static
/// fields, so that they are initialised when the rule is first evaluated. Each
/// override casts the records it reads to the rule's generated types once
/// (<c>t</c> trigger, <c>c</c> candidate, <c>u</c> user), and only those: less
/// code for Roslyn and the JIT.
/// </summary>
internal sealed class RuleEmitter(PackLayout layout, StringBuilder code)
{
    private const string Ev = GeneratedNames.EvaluationAlias;
    private const string Trigger = Ev + ".EventRecord trigger";
    private const string Candidate = Ev + ".EventRecord candidate";
    private const string User = Ev + ".UserRecord user";
    private const string Now = "global::System.DateTimeOffset now";

    /// <summary>Whether the rule needs a class of its own; the others share <c>CompiledRule.None</c>.</summary>
    public static bool HasPredicates(BoundRule rule) =>
        rule.Where is not null || rule.Unless.Any(u => u.Where is not null) || rule.Goal?.Where is not null || rule.Audience.Expression is not null;

    public void Emit(int index, BoundRule rule)
    {
        var constants = new ConstantPool();
        var body = new StringBuilder();
        var trigger = layout.EventClass(rule.Trigger!);
        if (rule.Where is { } where)
        {
            var (test, emitter) = Condition(where, constants);
            Override(body, "bool Where", $"{Trigger}, {User}, {Now}", trigger, emitter).Append("        return ").Append(test).Append(";\n    }\n");
        }
        if (rule.Unless.Any(u => u.Where is not null))
        {
            // One test per clause of the rule's own; each casts the candidate to its clause's event. An `if` chain, not a
            // `switch`: Roslyn binds and lowers a switch statement through its pattern-matching decision DAG, which cost
            // about 7% of its time for the 1,000-rule pack; the JIT makes the same code of both (bench/README.md, Back end).
            var cases = new StringBuilder();
            var reads = new ExpressionEmitter(layout, constants);
            for (var k = 0; k < rule.Unless.Length; k++)
            {
                if (rule.Unless[k].Where is { } predicate)
                {
                    var (test, emitter) = Condition(predicate, constants);
                    reads.Merge(emitter);
                    cases.Append("        if (unless == ").Append(k).Append(")\n        {\n            var c = (").Append(layout.EventClass(rule.Unless[k].Event))
                        .Append(")candidate;\n            return ").Append(test).Append(";\n        }\n");
                }
            }
            Override(body, "bool UnlessWhere", $"int unless, {Trigger}, {Candidate}, {User}, {Now}", trigger, reads)
                .Append(cases).Append("        return true;\n    }\n");
        }
        if (rule.Goal is { Where: { } goalWhere } goal)
        {
            var (test, emitter) = Condition(goalWhere, constants);
            Override(body, "bool GoalWhere", $"{Trigger}, {Candidate}, {User}, {Now}", trigger, emitter)
                .Append("        var c = (").Append(layout.EventClass(goal.Event)).Append(")candidate;\n")
                .Append("        return ").Append(test).Append(";\n    }\n");
        }
        if (rule.Audience.Expression is { } to)
        {
            var (value, emitter) = Emit(to, constants);
            Override(body, "string? Audience", $"{Trigger}, {User}, {Now}", trigger, emitter).Append("        return ").Append(value).Append(";\n    }\n");
        }

        code.Append("sealed class ").Append(GeneratedNames.RuleClass(index)).Append(" : ").Append(Ev).Append(".CompiledRule\n{\n");
        constants.WriteFields(code);
        code.Append(body).Append("}\n\n");
    }

    /// <summary>Opens an override and declares the typed trigger and user variables its expressions read.</summary>
    private StringBuilder Override(StringBuilder body, string signature, string parameters, string trigger, ExpressionEmitter reads)
    {
        body.Append("    public override ").Append(signature).Append('(').Append(parameters).Append(")\n    {\n");
        if (reads.ReadsTrigger)
        {
            body.Append("        var t = (").Append(trigger).Append(")trigger;\n");
        }
        if (reads.ReadsUser)
        {
            body.Append("        var u = (").Append(GeneratedNames.UserClass).Append(")user;\n");
        }
        return body;
    }

    private (string Code, ExpressionEmitter Emitter) Emit(BoundExpression expression, ConstantPool constants)
    {
        var emitter = new ExpressionEmitter(layout, constants);
        return (emitter.Emit(expression), emitter);
    }

    /// <summary>A predicate as the C# <c>bool</c> "it is true" (<see cref="ExpressionEmitter.Condition"/>).</summary>
    private (string Code, ExpressionEmitter Emitter) Condition(BoundExpression expression, ConstantPool constants)
    {
        var emitter = new ExpressionEmitter(layout, constants);
        return (emitter.Condition(expression), emitter);
    }
}
