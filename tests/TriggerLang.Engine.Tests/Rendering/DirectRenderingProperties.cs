using System.Text.RegularExpressions;
using CsCheck;
using Scriban;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Rendering;
using TriggerLang.Engine.Rendering.Direct;
using TriggerLang.Evaluation;
using static TriggerLang.Engine.Tests.Rendering.DirectSubsetProject;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>
/// Every template of the direct subset renders to the very text Scriban gives, or fails with the very words, for any
/// record: absent optionals, decimals of every scale and sign, extremes, empty strings, unicode, Liquid-looking text.
/// </summary>
public partial class DirectRenderingProperties
{
    private static readonly RenderLimits Small = new(MaxLoopIterations: 3, MaxOutputChars: 60, Deadline: TimeSpan.FromSeconds(30));

    private static readonly Gen<Case> Cases = Gen.Select(
        DirectSubsetGenerators.Template,
        Gen.Bool,
        DirectSubsetGenerators.Order.Array[1, 5],
        DirectSubsetGenerators.UserAttributes,
        Gen.OneOf(Gen.Const((int?)null), Gen.Int[0, 40].Select(n => (int?)n)),
        (template, digest, orders, user, extra) => new Case(template, digest, orders, user, extra));

    [Fact]
    public void The_direct_renderer_and_scriban_agree_on_every_template_of_the_subset() =>
        Cases.Sample(AgreeWith(RenderLimits.Default), iter: 4000, threads: 1);

    [Fact]
    public void They_agree_also_at_small_limits_where_loops_and_output_run_out() =>
        Cases.Sample(AgreeWith(Small), iter: 1500, threads: 1);

    private static Action<Case> AgreeWith(RenderLimits limits)
    {
        var direct = new MessageRenderer(Project.Model, limits);
        var scriban = new MessageRenderer(Project.Model, limits, renderDirectly: false);
        return test =>
        {
            var rule = test.Digest ? Digest : Placed;
            var plain = !test.Template.Contains("{{", StringComparison.Ordinal) && !test.Template.Contains("{%", StringComparison.Ordinal);
            Assert.True(plain || Indented().IsMatch(test.Template) || DirectTemplateBuilder.Build(Template.ParseLiquid(test.Template), DirectNames.Of(Project.Model, rule)) is not null,
                $"not in the direct subset: {test.Template}");
            var send = rule.Sends[0] with { Fields = [new BoundTemplate("body", test.Template, null)] };
            var scope = test.Scope();

            var expected = scriban.Render(rule, send, scope);
            var actual = direct.Render(rule, send, scope);

            Assert.Equal(expected.Failure, actual.Failure);
            Assert.Equal(expected.Fields.ToArray(), actual.Fields.ToArray()); // as arrays: ImmutableArray equals by reference
        };
    }

    /// <summary>A tag with only blanks before it on its line: Scriban indents its output, so the template stays with Scriban (and is still compared).</summary>
    [GeneratedRegex(@"(^|[\r\n])[ \t]+\{[{%]")]
    private static partial Regex Indented();

    /// <summary>One template with one recipient and one batch; outside a digest only the first order counts, as the trigger.</summary>
    private sealed record Case(string Template, bool Digest, string[] Orders, string User, int? ExtraCount)
    {
        public RenderScope Scope()
        {
            var events = Orders.Select((properties, i) => Project.Event("order_placed", properties, id: $"e{i}")).ToArray();
            var user = Project.User("u1", User);
            return Digest
                ? new RenderScope(user, events[0], events, ExtraCount is { } extra ? events.Length + extra : null)
                : new RenderScope(user, events[0], null, null);
        }

        public override string ToString() =>
            $"template: {Template}\ndigest: {Digest}\nuser: {User}\norders:\n  {string.Join("\n  ", Orders)}\ncount extra: {ExtraCount}";
    }
}
