using TriggerLang.Compiler.Templates;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Templates;

public class VariablePathsTests
{
    [Fact]
    public void Paths_are_listed_in_text_order_with_their_segments()
    {
        const string text = "{{ event.total | plus: user.x }}{% for e in events %}{{ e[\"total\"] }}{{ events[0].items }}{{ forloop.index }}{% endfor %}";
        var paths = TemplateChecker.VariablePaths(text);

        Assert.Equal(
            ["event.total", "user.x", "events", "e.total", "events.[].items", "forloop.index"],
            paths.Select(p => string.Join(".", p.Segments.Select(s => s.Name ?? "[]"))));
        var total = paths[0].Segments[1];
        Assert.Equal(new TextSpan(text.IndexOf("total", StringComparison.Ordinal), 5), total.Span);
        Assert.Equal("total", text.Substring(paths[3].Segments[1].Span.Start, paths[3].Segments[1].Span.Length));
        Assert.Equal("forloop", paths[5].Root);
    }

    [Fact]
    public void Filter_names_and_assignment_targets_are_not_paths() =>
        Assert.Equal(["event.total"], TemplateChecker.VariablePaths("{% assign t = event.total | upcase %}")
            .Select(p => string.Join(".", p.Segments.Select(s => s.Name))));

    [Fact]
    public void A_template_that_does_not_parse_has_no_paths() =>
        Assert.Empty(TemplateChecker.VariablePaths("{{ user.first_name"));
}
