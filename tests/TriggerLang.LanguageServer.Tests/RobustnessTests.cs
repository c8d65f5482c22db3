using System.IO.Enumeration;
using System.Reflection;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

/// <summary>
/// Every position-based request at every position of the example projects,
/// and of the same files cut short at many points (half-typed input), answers
/// without an internal error in the server's log.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly string Examples = Path.Combine(
        typeof(RobustnessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!, "examples");

    public static TheoryData<string> Projects() => [.. Directory.EnumerateDirectories(Examples).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Every_request_at_every_position_of_an_example_answers(string project)
    {
        using var folder = new TempFolder();
        foreach (var file in ProjectFiles(Path.Combine(Examples, project)))
        {
            folder.With(Path.GetRelativePath(Path.Combine(Examples, project), file), File.ReadAllText(file));
        }
        await using var session = await LspSession.StartAsync(folder);

        foreach (var path in Directory.EnumerateFiles(folder.Root, "*.trig").Select(p => Path.GetFileName(p)!))
        {
            var text = File.ReadAllText(folder.FullPath(path));
            await session.Open(path, text);
            await AskEverywhere(session, path, text);
            // Half-typed versions: the file cut at a few points, the cursor at the end.
            for (var cut = 7; cut < text.Length; cut += Math.Max(1, text.Length / 5))
            {
                await session.Change(path, text[..cut]);
                await AskEverywhere(session, path, text[..cut], onlyAt: cut);
            }
            await session.Change(path, text);
        }

        Assert.DoesNotContain(session.Log, m => m.Type == MessageType.Error);
    }

    /// <summary>
    /// The example's own files, without the build output of an example that is also a .NET project (console-channel's
    /// bin/ and obj/). `dotnet test` on the solution builds each test project just before it tests it, in parallel,
    /// so the Plugins tests' build of that example can write and delete files there while this copy reads them.
    /// </summary>
    private static IEnumerable<string> ProjectFiles(string folder) =>
        new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => entry.FileName is not ("bin" or "obj"),
        };

    private static async Task AskEverywhere(LspSession session, string path, string text, int? onlyAt = null)
    {
        var file = new TriggerLang.Compiler.Text.SourceFile(path, text);
        var document = new TextDocumentIdentifier(session.Uri(path));
        await session.Request<object?>("textDocument/semanticTokens/full", new SemanticTokensParams(document));
        await session.Request<object?>("textDocument/documentSymbol", new DocumentSymbolParams(document));
        await session.Request<object?>("textDocument/foldingRange", new FoldingRangeParams(document));
        await session.Request<object?>("textDocument/formatting", new DocumentFormattingParams(document));
        for (var offset = onlyAt ?? 0; offset <= (onlyAt ?? text.Length); offset++)
        {
            var at = file.GetLinePosition(offset);
            var position = session.At(path, new Position(at.Line, at.Character));
            await session.Request<object?>("textDocument/hover", position);
            await session.Request<object?>("textDocument/completion", position);
            await session.Request<object?>("textDocument/definition", position);
            await session.Request<object?>("textDocument/signatureHelp", position);
            await session.Request<object?>("textDocument/references", new ReferenceParams(document, position.Position, new ReferenceContext(true)));
        }
    }
}
