namespace TriggerLang.LanguageServer.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

/// <summary>Only what the server reads of the client's <c>initialize</c> request: where the workspace is, whether the client can watch files for it, and our settings.</summary>
public sealed record InitializeParams(string? RootUri, string? RootPath, IReadOnlyList<WorkspaceFolder>? WorkspaceFolders, ClientCapabilities? Capabilities,
    InitializationOptions? InitializationOptions);

/// <summary>
/// The server's settings, as the editor's <c>initializationOptions</c>: the
/// plugins folder (relative to the workspace folder) and the
/// <c>--channel-plugin</c> choices, as <c>trig check</c> takes them.
/// </summary>
public sealed record InitializationOptions(string? Plugins, IReadOnlyDictionary<string, string>? ChannelPlugins);

public sealed record ClientCapabilities(WorkspaceClientCapabilities? Workspace);

public sealed record WorkspaceClientCapabilities(DynamicRegistrationCapability? DidChangeWatchedFiles);

public sealed record DynamicRegistrationCapability(bool DynamicRegistration);

public sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

public sealed record Registration(string Id, string Method, object RegisterOptions);

public sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileWatcher> Watchers);

/// <summary>LSP's FileSystemWatcher (renamed: System.IO has one); the pattern is a glob string or a <see cref="RelativePattern"/>.</summary>
public sealed record FileWatcher(object GlobPattern);

/// <summary>A glob under a folder that may lie outside the workspace (the plugins folder).</summary>
public sealed record RelativePattern(string BaseUri, string Pattern);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string? Version);

public sealed record ServerCapabilities(
    int TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    bool DocumentSymbolProvider,
    bool DocumentFormattingProvider,
    bool CodeActionProvider,
    bool FoldingRangeProvider,
    bool ReferencesProvider,
    bool DocumentHighlightProvider,
    RenameOptions RenameProvider,
    CompletionOptions CompletionProvider,
    SignatureHelpOptions SignatureHelpProvider,
    SemanticTokensOptions SemanticTokensProvider);

public sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters);

/// <summary>TextDocumentSyncKind: the client sends the whole text on every change.</summary>
public static class TextDocumentSyncKind
{
    public const int Full = 1;
}

public sealed record LogMessageParams(int Type, string Message);

public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
}
