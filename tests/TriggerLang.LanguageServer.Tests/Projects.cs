namespace TriggerLang.LanguageServer.Tests;

/// <summary>The small project most tests start from: a schema on disk, rules opened by the test.</summary>
public static class Projects
{
    public const string Schema = """
        event cart_abandoned {
          cart_id: string
          total: money
          items: int
        }

        event purchase {
          order_id: string
          total: money
        }

        user {
          country: string?
        }
        """;

    public const string Rule = """
        rule cart_recovery "Cart recovery"
          on cart_abandoned
          where total > 100
          delay 30m
          unless purchase within 24h
          send email "You left {{ event.items }} items behind"
        """;

    public static TempFolder WithSchema() => new TempFolder().With("schema.trig", Schema);
}
