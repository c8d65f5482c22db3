using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using TriggerLang.LanguageServer.Features;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer;

/// <summary>
/// The language server behind <c>trig lsp</c>. Each LSP method is a thin
/// entry here that asks a feature in Features/ for the answer over the
/// workspace's current compilation. No request or notification can take the
/// server down: an exception becomes a log line and an empty answer.
/// </summary>
public sealed class TrigLanguageServer : IDisposable
{
    private readonly JsonRpc _rpc;
    private readonly ServerLog _log;
    private readonly ProjectWorkspace _workspace = new();
    private readonly DiagnosticsPublisher _publisher;
    private readonly TaskCompletionSource _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shutdownRequested;
    private bool _clientWatchesFiles;

    private TrigLanguageServer(Stream sending, Stream receiving)
    {
        _rpc = LspConnection.Create(sending, receiving);
        // Notifications must apply in the order sent (open before change); handlers are quick, the compile runs on the publisher's timer.
        _rpc.SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false);
        _log = new ServerLog(_rpc);
        _publisher = new DiagnosticsPublisher(_workspace,
            message => _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", message), _log);
        _rpc.AddLocalRpcTarget(this, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
    }

    /// <summary>
    /// Completes on <c>exit</c> or when the client goes away. The host disposes
    /// the server then: disposing the connection from inside the exit handler
    /// would wait for that very handler.
    /// </summary>
    public Task Completion => Task.WhenAny(_rpc.Completion, _exit.Task).Unwrap();

    /// <summary>True once the client asked for <c>shutdown</c>: an <c>exit</c> after it is a clean stop (exit code 0 in LSP terms).</summary>
    public bool ShutdownRequested => _shutdownRequested;

    public static TrigLanguageServer Start(Stream sending, Stream receiving)
    {
        var server = new TrigLanguageServer(sending, receiving);
        server._rpc.StartListening();
        return server;
    }

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        var root = parameters.WorkspaceFolders is [var first, ..] ? DocumentUri.ToPath(first.Uri)
            : parameters.RootUri is { } uri ? DocumentUri.ToPath(uri)
            : parameters.RootPath;
        if (root is not null)
        {
            Guard("loading the workspace folder", () => _workspace.Load(root));
        }
        Guard("reading the plugins' manifests", () => LogPluginProblems(_workspace.UsePlugins(
            PluginSettings.Folder(parameters.InitializationOptions, root), PluginSettings.Choices(parameters.InitializationOptions))));
        _clientWatchesFiles = parameters.Capabilities?.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true;
        var capabilities = new ServerCapabilities(
            TextDocumentSyncKind.Full,
            HoverProvider: true,
            DefinitionProvider: true,
            DocumentSymbolProvider: true,
            DocumentFormattingProvider: true,
            CodeActionProvider: true,
            FoldingRangeProvider: true,
            ReferencesProvider: true,
            DocumentHighlightProvider: true,
            new RenameOptions(PrepareProvider: true),
            new CompletionOptions([".", " ", "{"]),
            new SignatureHelpOptions(["(", ","]),
            new SemanticTokensOptions(SemanticTokensFeature.Legend, Full: true));
        return new InitializeResult(capabilities, new ServerInfo("trig", typeof(TrigLanguageServer).Assembly.GetName().Version?.ToString()));
    }

    [JsonRpcMethod("initialized")]
    public void Initialized()
    {
        if (_clientWatchesFiles)
        {
            _ = WatchProjectFilesAsync();
        }
        _publisher.Schedule(null);
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _shutdownRequested = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exit.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams parameters) => Guard("opening a document", () =>
    {
        var path = DocumentUri.ToPath(parameters.TextDocument.Uri);
        _workspace.Open(path, parameters.TextDocument.Version, parameters.TextDocument.Text);
        _publisher.Schedule(path);
    });

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams parameters) => Guard("applying a change", () =>
    {
        if (parameters.ContentChanges is [.., var last])
        {
            var path = DocumentUri.ToPath(parameters.TextDocument.Uri);
            _workspace.Change(path, parameters.TextDocument.Version, last.Text);
            _publisher.Schedule(path);
        }
    });

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams parameters) => Guard("closing a document", () =>
    {
        _workspace.Close(DocumentUri.ToPath(parameters.TextDocument.Uri));
        _publisher.Schedule(null);
    });

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters) => Guard("reading changed files", () =>
    {
        var manifestChanged = false;
        foreach (var path in parameters.Changes.Select(c => DocumentUri.ToPath(c.Uri)))
        {
            manifestChanged |= _workspace.IsPluginManifest(path);
            _workspace.DiskChanged(path);
        }
        if (manifestChanged)
        {
            LogPluginProblems(_workspace.ReloadPlugins());
        }
        _publisher.Schedule(null);
    });

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(TextDocumentPositionParams parameters) =>
        Answer("hover", parameters.TextDocument, document => HoverFeature.Hover(document, parameters.Position));

    [JsonRpcMethod("textDocument/definition")]
    public Protocol.Location? Definition(TextDocumentPositionParams parameters) =>
        Answer("go to definition", parameters.TextDocument, document => DefinitionFeature.Definition(document, parameters.Position));

    [JsonRpcMethod("textDocument/documentSymbol")]
    public IReadOnlyList<DocumentSymbol>? DocumentSymbols(DocumentSymbolParams parameters) =>
        Answer("listing symbols", parameters.TextDocument, DocumentSymbolFeature.Symbols);

    [JsonRpcMethod("textDocument/formatting")]
    public IReadOnlyList<TextEdit>? Formatting(DocumentFormattingParams parameters) =>
        Answer("formatting", parameters.TextDocument, FormattingFeature.Format);

    [JsonRpcMethod("textDocument/completion")]
    public CompletionList? Complete(TextDocumentPositionParams parameters) =>
        Answer("completion", parameters.TextDocument, document => CompletionFeature.Complete(document, parameters.Position));

    [JsonRpcMethod("textDocument/codeAction")]
    public IReadOnlyList<CodeAction>? CodeActions(CodeActionParams parameters) =>
        Answer("listing code actions", parameters.TextDocument, document => CodeActionFeature.Actions(document, parameters.Range));

    [JsonRpcMethod("textDocument/foldingRange")]
    public IReadOnlyList<FoldingRange>? FoldingRanges(FoldingRangeParams parameters) =>
        Answer("folding", parameters.TextDocument, FoldingFeature.Ranges);

    [JsonRpcMethod("textDocument/references")]
    public IReadOnlyList<Protocol.Location>? References(ReferenceParams parameters) =>
        Answer("finding references", parameters.TextDocument,
            document => ReferencesFeature.References(document, parameters.Position, parameters.Context.IncludeDeclaration));

    [JsonRpcMethod("textDocument/documentHighlight")]
    public IReadOnlyList<DocumentHighlight>? DocumentHighlights(TextDocumentPositionParams parameters) =>
        Answer("highlighting", parameters.TextDocument, document => ReferencesFeature.Highlights(document, parameters.Position));

    [JsonRpcMethod("textDocument/prepareRename")]
    public Protocol.Range? PrepareRename(TextDocumentPositionParams parameters) =>
        Answer("preparing a rename", parameters.TextDocument, document => RenameFeature.Prepare(document, parameters.Position));

    [JsonRpcMethod("textDocument/rename")]
    public WorkspaceEdit? Rename(RenameParams parameters) =>
        Answer("renaming", parameters.TextDocument, document => RenameFeature.Rename(document, parameters.Position, parameters.NewName));

    [JsonRpcMethod("textDocument/semanticTokens/full")]
    public SemanticTokens? SemanticTokens(SemanticTokensParams parameters) =>
        Answer("semantic tokens", parameters.TextDocument, SemanticTokensFeature.Tokens);

    [JsonRpcMethod("textDocument/signatureHelp")]
    public SignatureHelp? SignatureHelp(TextDocumentPositionParams parameters) =>
        Answer("signature help", parameters.TextDocument, document => SignatureHelpFeature.Help(document, parameters.Position));

    /// <summary>
    /// Asks the editor to report .trig and template files changed outside it
    /// (git checkout, another tool), so the workspace sees them without a
    /// file watcher of its own.
    /// </summary>
    private async Task WatchProjectFilesAsync()
    {
        List<FileWatcher> watchers = [new FileWatcher("**/*.trig"), new FileWatcher("**/*.liquid")];
        if (_workspace.PluginsFolder is { } plugins)
        {
            // The plugins folder may lie outside the workspace, hence a pattern relative to it.
            watchers.Add(new FileWatcher(new RelativePattern(DocumentUri.FromPath(plugins), $"*/{TriggerLang.Plugins.PluginSdk.ManifestFileName}")));
        }
        try
        {
            await _rpc.InvokeWithParameterObjectAsync("client/registerCapability",
                new RegistrationParams([new Registration("trig-watch-files", "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers))])).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.Error("asking the editor to watch the project's files", e);
        }
    }

    /// <summary>The problems that are in no manifest file (a missing plugins folder, a bad channel choice) can only be told in the log.</summary>
    private void LogPluginProblems(IReadOnlyList<Compiler.Diagnostics.Diagnostic> problems)
    {
        foreach (var problem in problems.Where(p => p.Location is null))
        {
            _log.Warning($"trig lsp: {problem}");
        }
    }

    public void Dispose()
    {
        _publisher.Dispose();
        _rpc.Dispose();
    }

    /// <summary>Runs a feature over the document as the compiler sees it now; null when the file is unknown or the feature failed.</summary>
    private T? Answer<T>(string doing, TextDocumentIdentifier document, Func<AnalysedDocument, T?> feature) where T : class
    {
        try
        {
            var path = DocumentUri.ToPath(document.Uri);
            var compilation = _workspace.Current();
            var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.File.Path == path);
            return tree is null ? null : feature(new AnalysedDocument(compilation, tree));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not LocalRpcException)
        {
            // A LocalRpcException is a feature's answer to the user (a refused rename), sent as an error response.
            _log.Error(doing, e);
            return null;
        }
    }

    private void Guard(string doing, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.Error(doing, e);
        }
    }
}
