using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>
/// A project with a scalar of every type (required and optional) on the event and the user, a rule with an alias and
/// a title, and a digest rule (with the same alias) without a title: the ground that the direct renderer and Scriban are compared on.
/// </summary>
internal static class DirectSubsetProject
{
    public static TestProject Project { get; } = TestProject.From("""
        event order_placed {
          order_id: string
          note: string?
          total: money
          discount: decimal?
          items: int
          points: int?
          gift: bool?
          placed: timestamp?
          wait: duration?
          buyer: user?
          tags: list<string>?
        }
        user { first_name: string?, tier: string?, vip: bool?, balance: decimal?, visits: int? }
        rule placed "Order placed" on order_placed as order
          send email { subject: "{{ order.order_id }}", body: "{{ event.total }}" }
        rule placed_digest on order_placed as order digest daily at 09:00 local max 50
          send email { subject: "{{ count }} orders", body: "{% for e in events %}{{ e.order_id }}{% endfor %}" }
        """);

    public static BoundRule Placed => Project.Rule("placed");

    public static BoundRule Digest => Project.Rule("placed_digest");

    /// <summary>Paths by what they hold; <c>{0}</c> stands for a loop variable's name.</summary>
    public static readonly string[] TextPaths =
    [
        "user.first_name", "user.tier", "user.id", "user.email", "event.order_id", "event.note", "order.note", "event.placed",
        "event.wait", "event.buyer", "rule.name", "rule.title",
    ];

    public static readonly string[] NumberPaths =
        ["user.balance", "user.visits", "event.total", "event.discount", "order.total", "event.items", "event.points", "count"];

    public static readonly string[] BoolPaths = ["user.vip", "event.gift", "order.gift"];

    public static readonly string[] LoopTextFields = ["order_id", "note", "placed", "wait", "buyer"];

    public static readonly string[] LoopNumberFields = ["total", "discount", "items", "points"];

    public static readonly string[] LoopBoolFields = ["gift"];
}
