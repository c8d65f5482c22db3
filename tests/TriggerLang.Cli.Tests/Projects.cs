namespace TriggerLang.Cli.Tests;

/// <summary>Small project sources shared by the CLI tests.</summary>
public static class Projects
{
    public const string Schema = """
        event cart_abandoned { cart_id: string, total: money }
        event purchase { order_id: string }
        """;

    public const string CleanRule = """
        rule recovery
          on cart_abandoned
          where total > 100
          unless purchase within 24h
          send email "Your cart misses you"
        """;

    /// <summary>Two anonymous rules in one file: a warning each, no error.</summary>
    public const string AnonymousRules = """
        on cart_abandoned send email "One"
        on cart_abandoned send push "Two"
        """;

    /// <summary>An unknown event on line 2, column 6, and a unknown channel on line 3, column 8.</summary>
    public const string BrokenRule = """
        rule recovery
          on cart_abandonned
          send emial "Your cart misses you"
        """;
}
