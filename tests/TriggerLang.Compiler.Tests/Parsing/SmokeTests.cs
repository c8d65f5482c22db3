using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Parsing;

public class SmokeTests
{
    [Theory]
    [InlineData("on cart_abandoned where total > 100 delay 30m unless purchase within 24h window 09:00-21:00 local cap 3/day send email \"Your cart misses you\"")]
    [InlineData("rule cart_recovery \"Cart recovery\"\n on cart_abandoned\n where total > 100 and user.country in [\"US\", \"CA\"]\n delay 30m\n unless purchase within 24h\n window 09:00-21:00 local\n cap 3/day\n active 2026-12-01 .. 2027-01-01\n category marketing\n send email {\n subject: \"You left {{ event.items }} items behind\"\n body: template \"templates/cart.liquid\"\n }")]
    [InlineData("event cart_abandoned {\n cart_id: string\n total: money\n items: int\n category: string?\n}\nevent purchase { order_id: string, total: money }\nuser { first_name: string? }\nsettings { timezone \"UTC\" }\nlimits { cap 6/day cap push 2/day cap email 3/week }")]
    [InlineData("rule nudge\n on message_sent where rule == \"welcome\"\n delay 2d\n unless message_opened where rule == \"welcome\"\n send push \"Did you see our welcome?\"")]
    [InlineData("test \"big carts\" {\n user u1 { timezone: \"Europe/Paris\", email: \"a@example.com\" }\n at 2026-12-01T10:00Z event cart_abandoned for u1 { cart_id: \"c1\", total: 150, items: 2 }\n expect cart_recovery sent to u1 at 2026-12-01T10:30Z\n expect cart_recovery suppressed exception to u1\n at 2026-12-01T09:00Z u2 follows u1\n expect no cart_recovery to u2\n}")]
    public void Parses_without_diagnostics(string text)
    {
        var tree = TrigParser.Parse(new SourceFile("x.trig", text));
        Assert.Empty(tree.Diagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(tree.Root.Items);
    }
}
