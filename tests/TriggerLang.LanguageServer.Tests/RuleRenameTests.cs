using StreamJsonRpc;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

/// <summary>
/// Rename, references and highlight of rules: the declaration, tests' <c>expect</c>, and the strings
/// the semantic model knows hold a rule's name (compared with a message event's <c>rule</c>, a test's message event).
/// </summary>
public sealed class RuleRenameTests
{
    // `starts_with(rule, …)` and `url != …` are not comparisons with `rule`: those strings stay.
    private const string Rules = """
        rule welcome on purchase send email "Welcome!"
        rule nudge
          on message_sent where rule == "welcome" and channel == "email"
          delay 2d
          unless message_opened where rule in ["welcome", "legacy"]
          send email "Did you see our welcome?"
        rule echo on message_clicked where starts_with(rule, "welcome") and url != "welcome" send email "welcome"
        """;

    private const string Tests = """
        test "nudge" {
          at 2026-12-01T10:00Z event purchase for u1 { order_id: "o", total: 1 }
          expect welcome sent to u1
          at 2026-12-01T11:00Z event message_opened for u1 { rule: "welcome", channel: "email" }
          expect no nudge to u1
        }
        """;

    private static TempFolder Project() => Projects.WithSchema().With("rules.trig", Rules).With("tests.trig", Tests);

    private static Position At(string text, string before, int after = 0)
    {
        var offset = text.IndexOf(before, StringComparison.Ordinal) + before.Length + after;
        var position = new TriggerLang.Compiler.Text.SourceFile("x", text).GetLinePosition(offset);
        return new Position(position.Line, position.Character);
    }

    private static Task<WorkspaceEdit> Rename(LspSession session, string file, Position at, string newName) =>
        session.Request<WorkspaceEdit>("textDocument/rename", new RenameParams(new TextDocumentIdentifier(session.Uri(file)), at, newName));

    private static string Applied(WorkspaceEdit edit, LspSession session, string file, string text) =>
        TextEdits.ApplyAll(text, edit.Changes[session.Uri(file)]);

    [Fact]
    public async Task A_rule_is_renamed_in_its_declaration_the_tests_and_the_strings_that_name_it_across_files()
    {
        using var folder = Project();
        await using var session = await LspSession.StartAsync(folder);
        var at = At(Rules, "rule wel");

        var range = await session.Request<Protocol.Range?>("textDocument/prepareRename", session.At("rules.trig", at));
        var edit = await Rename(session, "rules.trig", at, "onboarding");

        Assert.Equal(new Protocol.Range(new Position(0, 5), new Position(0, 12)), range);
        Assert.Equal(["rules.trig", "tests.trig"], edit.Changes.Keys.Select(u => Path.GetFileName(Workspace.DocumentUri.ToPath(u))).Order());
        Assert.Equal(Rules
            .Replace("rule welcome", "rule onboarding", StringComparison.Ordinal)
            .Replace("rule == \"welcome\"", "rule == \"onboarding\"", StringComparison.Ordinal)
            .Replace("[\"welcome\",", "[\"onboarding\",", StringComparison.Ordinal), Applied(edit, session, "rules.trig", Rules));
        Assert.Equal(Tests
            .Replace("expect welcome", "expect onboarding", StringComparison.Ordinal)
            .Replace("rule: \"welcome\"", "rule: \"onboarding\"", StringComparison.Ordinal), Applied(edit, session, "tests.trig", Tests));
        Assert.Contains("starts_with(rule, \"welcome\") and url != \"welcome\" send email \"welcome\"", Applied(edit, session, "rules.trig", Rules), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_rename_the_project_still_compiles()
    {
        using var folder = Project();
        await using var session = await LspSession.StartAsync(folder);
        var edit = await Rename(session, "rules.trig", At(Rules, "rule wel"), "onboarding");

        TextEdits.ApplyToDisk(edit);

        var sources = Compiler.Project.ProjectLoader.Load(folder.Root);
        var compilation = Compiler.Compilation.Create(sources.Files, Compiler.CompilationOptions.Default with { ProjectRoot = folder.Root });
        Assert.Empty(compilation.Diagnostics);
        Assert.NotNull(compilation.Model.Rule("onboarding"));
    }

    [Theory]
    [InlineData("tests.trig", "expect wel", 0)]
    [InlineData("rules.trig", "rule == \"wel", 0)]
    [InlineData("rules.trig", "rule in [\"", 0)]
    [InlineData("tests.trig", "rule: \"", 7)]
    public async Task The_same_rename_starts_from_any_reference(string file, string before, int after)
    {
        using var folder = Project();
        await using var session = await LspSession.StartAsync(folder);
        var text = file == "rules.trig" ? Rules : Tests;
        var at = At(text, before, after);

        var range = await session.Request<Protocol.Range?>("textDocument/prepareRename", session.At(file, at));
        var fromReference = await Rename(session, file, at, "onboarding");
        var fromDeclaration = await Rename(session, "rules.trig", At(Rules, "rule wel"), "onboarding");

        Assert.NotNull(range);
        Assert.Equal("welcome".Length, range.End.Character - range.Start.Character);
        Assert.True(range.Start.Character <= at.Character && at.Character <= range.End.Character);
        foreach (var uri in fromDeclaration.Changes.Keys)
        {
            Assert.Equal(fromDeclaration.Changes[uri].OrderBy(e => (e.Range.Start.Line, e.Range.Start.Character)),
                fromReference.Changes[uri].OrderBy(e => (e.Range.Start.Line, e.Range.Start.Character)));
        }
    }

    [Theory]
    [InlineData("starts_with(rule, \"wel")]
    [InlineData("url != \"wel")]
    [InlineData("send email \"Welc")]
    public async Task A_string_that_is_not_compared_with_a_rule_field_is_not_a_rule(string before)
    {
        using var folder = Project();
        await using var session = await LspSession.StartAsync(folder);

        var range = await session.Request<Protocol.Range?>("textDocument/prepareRename", session.At("rules.trig", At(Rules, before)));

        Assert.Null(range);
    }

    [Theory]
    [InlineData("rule x on message_sent as m where m.rule != \"wel|come\" send email \"hi\"")]
    [InlineData("rule x on message_sent where event.rule == \"wel|come\" send email \"hi\"")]
    [InlineData("rule x on purchase goal message_clicked where \"wel|come\" == rule within 1d send email \"hi\"")]
    [InlineData("rule x on message_sent where not (rule in [\"a\", \"wel|come\"]) send email \"hi\"")]
    public async Task Every_comparison_with_a_message_rule_field_names_the_rule(string marked)
    {
        using var folder = Projects.WithSchema().With("welcome.trig", "rule welcome on purchase send email \"hi\"");
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", marked);

        var edit = await Rename(session, "rules.trig", cursor, "onboarding");
        var hover = await session.Request<Hover?>("textDocument/hover", session.At("rules.trig", cursor));

        Assert.Single(edit.Changes[session.Uri("rules.trig")]);
        Assert.Single(edit.Changes[session.Uri("welcome.trig")]);
        Assert.NotNull(hover);
    }

    [Fact]
    public async Task A_string_inside_a_function_call_is_not_a_rule()
    {
        using var folder = Projects.WithSchema().With("welcome.trig", "rule welcome on purchase send email \"hi\"");
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule x on message_sent where lower(rule) == \"wel|come\" send email \"hi\"");

        Assert.Null(await session.Request<Protocol.Range?>("textDocument/prepareRename", session.At("rules.trig", cursor)));
    }

    [Fact]
    public async Task References_and_highlights_of_a_rule_include_its_strings()
    {
        using var folder = Project();
        await using var session = await LspSession.StartAsync(folder);
        var at = At(Rules, "rule == \"wel");

        var references = await session.Request<IReadOnlyList<Protocol.Location>>("textDocument/references",
            new ReferenceParams(new TextDocumentIdentifier(session.Uri("rules.trig")), at, new ReferenceContext(IncludeDeclaration: false)));
        var highlights = await session.Request<IReadOnlyList<DocumentHighlight>>("textDocument/documentHighlight", session.At("rules.trig", at));
        var definition = await session.Request<Protocol.Location?>("textDocument/definition", session.At("rules.trig", at));

        Assert.Equal(["rules.trig:2:33", "rules.trig:4:40", "tests.trig:2:9", "tests.trig:3:60"],
            references.Select(l => $"{Path.GetFileName(new Uri(l.Uri).LocalPath)}:{l.Range.Start.Line}:{l.Range.Start.Character}"));
        Assert.Equal([(0, 5, 3), (2, 33, 2), (4, 40, 2)], highlights.Select(h => (h.Range.Start.Line, h.Range.Start.Character, h.Kind)));
        Assert.Equal(new Protocol.Range(new Position(0, 5), new Position(0, 12)), definition?.Range);
    }

    [Fact]
    public async Task Highlights_work_for_events_too()
    {
        using var folder = Project();
        await using var session = await LspSession.StartAsync(folder);

        var highlights = await session.Request<IReadOnlyList<DocumentHighlight>>("textDocument/documentHighlight",
            session.At("tests.trig", At(Tests, "event purch")));

        Assert.Equal([(1, 29, 2)], highlights.Select(h => (h.Range.Start.Line, h.Range.Start.Character, h.Kind)));
    }

    [Theory]
    [InlineData("nudge", "a rule named `nudge` already exists")]
    [InlineData("legacy", "`legacy` is already compared with a message's `rule` at rules.trig:5")]
    [InlineData("2fast", "`2fast` is not a valid rule name")]
    [InlineData("send", "`send` is not a valid rule name")]
    [InlineData("no", "`no` cannot name a rule")]
    public async Task A_taken_or_invalid_new_name_is_refused(string newName, string reason)
    {
        using var folder = Project();
        await using var session = await LspSession.StartAsync(folder);

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => Rename(session, "rules.trig", At(Rules, "rule wel"), newName));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_rule_is_refused_with_the_reason()
    {
        using var folder = Projects.WithSchema().With("welcome.trig", "on purchase send email \"hi\"");
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("tests.trig", """
            test "t" {
              at 2026-12-01T10:00Z event purchase for u1 { order_id: "o", total: 1 }
              expect no wel|come to u1
            }
            """);

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(
            () => session.Request<Protocol.Range?>("textDocument/prepareRename", session.At("tests.trig", cursor)));

        Assert.Contains("rule `welcome` is anonymous", error.Message, StringComparison.Ordinal);
    }
}
