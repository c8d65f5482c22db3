using TriggerLang.Compiler.Templates;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Templates;

/// <summary>A compilation with a <see cref="TemplateCheckCache"/> reports exactly what one without it does, on a miss and on a hit.</summary>
public class TemplateCheckCacheTests
{
    private const string Schema = """
        event cart_abandoned {
          total: money
          items: int
        }
        event purchase {
          total: decimal
        }
        user {
          country: string?
        }
        """;

    // Errors inline (after an escape), in a template file shared by rules with different triggers, a syntax error, a did-you-mean fix.
    private const string Rules = """
        rule a on cart_abandoned as cart where total > 1 send email "Paid \"{{ cart.totl }}\" {{ evnt.items }}"
        rule b on purchase send email { subject: "{{ event.items }}", body: template "shared.liquid" }
        rule c on cart_abandoned send email { subject: "{% if %}", body: template "shared.liquid" }
        rule d on cart_abandoned digest daily at 09:00 utc send email "{% for e in events %}{{ e.totl }}{% endfor %} {{ user.contry }}"
        """;

    private const string Shared = "{{ event.items }} {{ user.country | upcase }} {{ event.nope }}";

    private static IReadOnlyList<string> Diagnostics(string rules, string schema, TemplateCheckCache? cache)
    {
        var files = new Dictionary<string, string> { ["/p/shared.liquid"] = Shared };
        var options = CompilationOptions.Default with
        {
            ProjectRoot = "/p",
            ReadFile = path => files.GetValueOrDefault(path),
            TemplateCache = cache,
        };
        var compilation = Compilation.Create([new SourceFile("/p/schema.trig", schema), new SourceFile("/p/rules.trig", rules)], options);
        return [.. compilation.Diagnostics.Select(d => $"{d} fix={d.Fix}")];
    }

    [Fact]
    public void A_cached_check_reports_the_same_diagnostics_on_a_miss_and_on_a_hit()
    {
        var cache = new TemplateCheckCache();
        var expected = Diagnostics(Rules, Schema, cache: null);

        Assert.Contains(expected, d => d.Contains("shared.liquid(1,", StringComparison.Ordinal) && d.Contains("TRG0503", StringComparison.Ordinal));
        Assert.Contains(expected, d => d.Contains("rules.trig(1,", StringComparison.Ordinal) && d.Contains("Change to 'total'", StringComparison.Ordinal));
        Assert.Contains(expected, d => d.Contains("rules.trig(3,", StringComparison.Ordinal) && d.Contains("TRG050", StringComparison.Ordinal));
        Assert.Equal(expected, Diagnostics(Rules, Schema, cache));
        Assert.Equal(expected, Diagnostics(Rules, Schema, cache));
        Assert.True(cache.Count > 0);
    }

    [Fact]
    public void A_template_that_moved_is_reported_where_it_is_now()
    {
        var cache = new TemplateCheckCache();
        Diagnostics(Rules, Schema, cache);
        var moved = "// a comment\n\n" + Rules.Replace("rule a on", "rule a  on", StringComparison.Ordinal);

        Assert.Equal(Diagnostics(moved, Schema, cache: null), Diagnostics(moved, Schema, cache));
    }

    [Fact]
    public void A_schema_change_is_not_answered_from_the_cache()
    {
        var cache = new TemplateCheckCache();
        Diagnostics(Rules, Schema, cache);
        var changed = Schema.Replace("items: int", "items: int\n  totl: money", StringComparison.Ordinal)
            .Replace("country: string?", "contry: string?", StringComparison.Ordinal);

        var expected = Diagnostics(Rules, changed, cache: null);
        Assert.NotEqual(Diagnostics(Rules, Schema, cache: null), expected);
        Assert.Equal(expected, Diagnostics(Rules, changed, cache));
    }
}
