using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class ReferencesTests
{
    private static async Task<IReadOnlyList<string>> References(string markedRules, bool includeDeclaration = true)
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", markedRules);
        var locations = await session.Request<IReadOnlyList<Protocol.Location>>("textDocument/references",
            new ReferenceParams(new TextDocumentIdentifier(session.Uri("rules.trig")), cursor, new ReferenceContext(includeDeclaration)));
        return [.. locations.Select(l => $"{Path.GetFileName(new Uri(l.Uri).LocalPath)}:{l.Range.Start.Line}:{l.Range.Start.Character}")];
    }

    [Fact]
    public async Task An_event_is_found_in_declarations_clauses_and_tests_across_files()
    {
        const string rules = """
            rule a on purc|hase send email "hi"
            rule b on cart_abandoned unless purchase send email "hi"
            test "t" {
              at 2026-12-01T10:00Z event purchase for u1 { order_id: "o", total: 1 }
              expect no a to u1
            }
            """;

        Assert.Equal(["rules.trig:0:10", "rules.trig:1:32", "rules.trig:3:29", "schema.trig:6:6"], await References(rules));
        Assert.Equal(3, (await References(rules, includeDeclaration: false)).Count);
    }

    [Fact]
    public async Task A_field_is_told_apart_from_a_same_named_field_of_another_event()
    {
        const string rules = """
            rule a on cart_abandoned where to|tal > 1 unless purchase where total > 2 send email "hi"
            rule b on cart_abandoned where event.total > 3 send email "hi"
            """;

        Assert.Equal(["rules.trig:0:31", "rules.trig:1:37", "schema.trig:2:2"], await References(rules));
    }

    [Fact]
    public async Task A_field_is_found_in_templates_through_aliases_loop_variables_and_list_members()
    {
        const string rules = """
            rule a on cart_abandoned as c where to|tal > 1 send email "{{ c.total }} {{ event.items }}"
            rule b on cart_abandoned digest daily at 09:00 utc send email "{% for e in events %}{{ e.total }}{% endfor %}{{ events.first.total }}"
            rule d on purchase send email "{{ event.total }}"
            """;

        Assert.Equal(["rules.trig:0:36", "schema.trig:2:2", "rules.trig:0:63", "rules.trig:1:89", "rules.trig:1:125"], await References(rules));
    }
}
