using StreamJsonRpc;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

/// <summary>Rename of fields and user attributes: in the schema, the rules, and the Liquid templates (inline and files).</summary>
public sealed class FieldRenameTests
{
    // Rule b's trigger is purchase: its `event.total` is purchase's field, not cart_abandoned's. Its string has an escape before the template.
    private const string Rules = """
        rule a on cart_abandoned where total > 100 send email "Total: {{ event.total }}"
        rule b on purchase where total > 1 send email "Paid \"{{ event.total }}\" from {{ user.country }}"
        rule c on cart_abandoned as cart where user.country == "FR" send email { subject: "Hi", body: template "templates/cart.liquid" }
        """;

    private const string Template = "{{ cart.total }} and {{ user.country }}";

    private static async Task<(LspSession Session, WorkspaceEdit Edit)> Rename(TempFolder folder, int line, int character, string newName)
    {
        var session = await LspSession.StartAsync(folder);
        var at = new Position(line, character);
        await session.Request<Protocol.Range?>("textDocument/prepareRename", session.At("rules.trig", at));
        var edit = await session.Request<WorkspaceEdit>("textDocument/rename",
            new RenameParams(new TextDocumentIdentifier(session.Uri("rules.trig")), at, newName));
        return (session, edit);
    }

    private static TempFolder Project() => Projects.WithSchema().With("rules.trig", Rules).With("templates/cart.liquid", Template);

    private static IReadOnlyList<(int Line, int Start, int End)> Ranges(LspSession session, WorkspaceEdit edit, string file) =>
        [.. edit.Changes[session.Uri(file)].Select(e => (e.Range.Start.Line, e.Range.Start.Character, e.Range.End.Character)).Order()];

    [Fact]
    public async Task A_field_is_renamed_in_the_schema_the_rules_and_the_templates_of_rules_on_its_event_only()
    {
        using var folder = Project();
        var (session, edit) = await Rename(folder, 0, 33, "amount");
        await using var _ = session;

        Assert.Equal(["rules.trig", "schema.trig", "templates/cart.liquid"], edit.Changes.Keys.Select(u => Path.GetRelativePath(folder.Root, Workspace.DocumentUri.ToPath(u)).Replace('\\', '/')).Order());
        Assert.Equal([(2, 2, 7)], Ranges(session, edit, "schema.trig"));
        Assert.Equal([(0, 31, 36), (0, 71, 76)], Ranges(session, edit, "rules.trig"));
        Assert.Equal([(0, 8, 13)], Ranges(session, edit, "templates/cart.liquid"));
        Assert.All(edit.Changes.Values.SelectMany(e => e), e => Assert.Equal("amount", e.NewText));
    }

    [Fact]
    public async Task A_user_attribute_is_renamed_everywhere_even_after_an_escape_in_the_string()
    {
        using var folder = Project();
        var (session, edit) = await Rename(folder, 2, 46, "region");
        await using var _ = session;

        Assert.Equal([(12, 2, 9)], Ranges(session, edit, "schema.trig"));
        Assert.Equal([(1, 87, 94), (2, 44, 51)], Ranges(session, edit, "rules.trig"));
        Assert.Equal([(0, 29, 36)], Ranges(session, edit, "templates/cart.liquid"));
    }

    [Fact]
    public async Task After_the_rename_the_project_still_compiles()
    {
        using var folder = Project();
        var (session, edit) = await Rename(folder, 0, 33, "amount");
        await using var _ = session;

        TextEdits.ApplyToDisk(edit);

        // Compiled as trig check would: the server publishes nothing for a file that stays clean.
        var sources = Compiler.Project.ProjectLoader.Load(folder.Root);
        var compilation = Compiler.Compilation.Create(sources.Files, Compiler.CompilationOptions.Default with { ProjectRoot = folder.Root });
        Assert.Empty(compilation.Diagnostics);
        Assert.Contains("{{ cart.amount }}", File.ReadAllText(folder.FullPath("templates/cart.liquid")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("items", "event `cart_abandoned` already has a field named `items`", 0, 33)]
    [InlineData("send", "is not a valid field name", 0, 33)]
    [InlineData("country", "an attribute named `country` already exists", 2, 46)]
    public async Task A_taken_or_invalid_new_name_is_refused(string newName, string reason, int line, int character)
    {
        using var folder = Project();
        await using var session = await LspSession.StartAsync(folder);
        var at = new Position(line, character);

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => session.Request<WorkspaceEdit>("textDocument/rename",
            new RenameParams(new TextDocumentIdentifier(session.Uri("rules.trig")), at, newName)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
