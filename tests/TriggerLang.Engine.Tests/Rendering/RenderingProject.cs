using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Rendering;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>One project with a value of every type, a rule with an alias and a digest rule, and a way to render any template against it.</summary>
internal static class RenderingProject
{
    public static TestProject Project { get; } = TestProject.From("""
        event cart_abandoned {
          cart_id: string
          total: money
          items: int
          category: string?
          tags: list<string>?
          amounts: list<decimal>?
          seen: timestamp?
          wait: duration?
          gift: bool?
        }
        user { first_name: string?, vip: bool? }
        rule cart_recovery "Cart recovery" on cart_abandoned as cart
          send email {
            subject: "{{ cart.items }} items, {{ event.total }}"
            body: "Hi {{ user.first_name | default: \"there\" }}"
          }
        rule cart_digest on cart_abandoned digest daily at 09:00 local
          send email { subject: "{{ count }} carts", body: "{% for e in events %}{{ e.cart_id }}={{ e.total }};{% endfor %}" }
        """);

    public const string Cart = """{"cart_id":"c9","total":150.50,"items":2}""";

    public static BoundRule Recovery => Project.Rule("cart_recovery");

    public static RenderScope Scope(string properties = Cart, string user = """{"first_name":"Ada"}""") =>
        new(Project.User("u1", user), Project.Event("cart_abandoned", properties), null, null);

    /// <summary>Renders one template as the body of the recovery rule's email.</summary>
    public static RenderResult Render(string template, RenderScope? scope = null, RenderLimits? limits = null)
    {
        var send = Recovery.Sends[0] with { Fields = [new BoundTemplate("body", template, null)] };
        return new MessageRenderer(Project.Model, limits ?? RenderLimits.Default).Render(Recovery, send, scope ?? Scope());
    }

    public static string Text(string template, RenderScope? scope = null)
    {
        var result = Render(template, scope);
        Assert.True(result.Succeeded, result.Failure);
        return Assert.Single(result.Fields).Value;
    }

    public static UserRecord User(string attributes) => Project.User("u1", attributes);
}
