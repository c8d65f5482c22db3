namespace TriggerLang.Compiler.Tests.Packs;

/// <summary>A small project with a template file, written into a <see cref="TempFolder"/>.</summary>
internal static class PackProjects
{
    public const string Schema = """
        event cart_abandoned { cart_id: string, total: money, items: int }
        event purchase { order_id: string, total: money }
        user { country: string? }
        """;

    public const string Rules = """
        rule recovery "Cart recovery"
          on cart_abandoned as cart
          where total > 100 and user.country in ["US", "CA"]
          delay 30m
          unless purchase where total >= cart.total within 24h
          window 09:00-21:00 local mon-fri
          cap 3/day
          category marketing
          goal purchase within 7d
          send email {
            subject: "You left {{ cart.items }} items behind"
            body: template "templates/cart.liquid"
          } else send push "Your cart is waiting"
        """;

    public const string Template = "Hello {{ user.id }}, your cart of ${{ event.total }} is waiting.\n";

    public static TempFolder Create() => new TempFolder()
        .With("schema.trig", Schema)
        .With("rules/recovery.trig", Rules)
        .With("rules/templates/cart.liquid", Template);
}
