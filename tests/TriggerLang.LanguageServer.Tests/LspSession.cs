using Nerdbank.Streams;
using StreamJsonRpc;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Tests;

/// <summary>
/// A real server instance on one end of an in-memory duplex stream and a
/// JSON-RPC client on the other, initialized on a workspace folder. The client
/// records pushed diagnostics, log messages and registrations so tests can wait for them.
/// </summary>
public sealed class LspSession : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TrigLanguageServer _server;
    private readonly JsonRpc _client;
    private readonly ClientTarget _target = new();
    private int _version;

    private LspSession(TempFolder folder)
    {
        Folder = folder;
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        _server = TrigLanguageServer.Start(serverStream, serverStream);
        _client = LspConnection.Create(clientStream, clientStream);
        _client.AddLocalRpcTarget(_target, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        _client.StartListening();
    }

    public TempFolder Folder { get; }

    public TrigLanguageServer Server => _server;

    public IReadOnlyList<LogMessageParams> Log => _target.Log;

    /// <summary>The registrations the server asked for with <c>client/registerCapability</c> so far.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> Registrations => _target.Registrations;

    /// <summary>
    /// Starts and initializes a session; the client offers to watch files (as VS Code does) unless told otherwise,
    /// and passes <paramref name="initializationOptions"/> (the server's settings) if any.
    /// </summary>
    public static async Task<LspSession> StartAsync(TempFolder folder, bool clientWatchesFiles = true, object? initializationOptions = null)
    {
        var session = new LspSession(folder);
        var capabilities = new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = clientWatchesFiles } } };
        await session.Request<InitializeResult>("initialize",
            new { processId = (int?)null, rootUri = DocumentUri.FromPath(folder.Root), capabilities, initializationOptions });
        await session.Notify("initialized", new { });
        return session;
    }

    public string Uri(string relativePath) => DocumentUri.FromPath(Folder.FullPath(relativePath));

    public Task<T> Request<T>(string method, object parameters) =>
        _client.InvokeWithParameterObjectAsync<T>(method, parameters).WaitAsync(Timeout);

    public Task Notify(string method, object parameters) => _client.NotifyWithParameterObjectAsync(method, parameters);

    public Task Open(string relativePath, string text) =>
        Notify("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(Uri(relativePath), "trig", ++_version, text)));

    public Task Change(string relativePath, string text) =>
        Notify("textDocument/didChange", new DidChangeTextDocumentParams(
            new VersionedTextDocumentIdentifier(Uri(relativePath), ++_version), [new TextDocumentContentChangeEvent(text)]));

    /// <summary>Opens <paramref name="markedText"/> (with its | removed) and returns the position of the marker.</summary>
    public async Task<Position> OpenMarked(string relativePath, string markedText)
    {
        var marked = Marked.Parse(markedText);
        await Open(relativePath, marked.Text);
        return marked.Cursor;
    }

    public TextDocumentPositionParams At(string relativePath, Position position) => new(new TextDocumentIdentifier(Uri(relativePath)), position);

    /// <summary>Waits until the last diagnostics pushed for the file satisfy <paramref name="until"/> (by default: any push at all).</summary>
    public Task<IReadOnlyList<LspDiagnostic>> Diagnostics(string relativePath, Func<IReadOnlyList<LspDiagnostic>, bool>? until = null) =>
        _target.WaitFor(Uri(relativePath), until ?? (_ => true)).WaitAsync(Timeout);

    /// <summary>
    /// Waits until the server has logged a message that satisfies <paramref name="match"/>. The server sends its log
    /// without waiting for it (ServerLog), so the message may reach the client after the answer to a later request.
    /// </summary>
    public Task<LogMessageParams> Logged(Func<LogMessageParams, bool> match) => _target.WaitForLog(match).WaitAsync(Timeout);

    /// <summary>
    /// Waits until the server has asked for at least one registration and returns all it asked for. The server asks
    /// from a task of its own when the client is initialized, so nothing orders the request before the diagnostics
    /// or answers a test waits for first.
    /// </summary>
    public Task<IReadOnlyList<System.Text.Json.JsonElement>> Registered() => _target.WaitForRegistrations().WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _server.Dispose();
        await _server.Completion.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>What the server calls on the client.</summary>
    private sealed class ClientTarget
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, IReadOnlyList<LspDiagnostic>> _latest = new(StringComparer.Ordinal);
        private readonly List<LogMessageParams> _log = [];
        private readonly List<System.Text.Json.JsonElement> _registrations = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<LogMessageParams> Log
        {
            get
            {
                lock (_gate)
                {
                    return [.. _log];
                }
            }
        }

        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(PublishDiagnosticsParams parameters)
        {
            lock (_gate)
            {
                _latest[parameters.Uri] = parameters.Diagnostics;
                SignalChange();
            }
        }

        public IReadOnlyList<System.Text.Json.JsonElement> Registrations
        {
            get
            {
                lock (_gate)
                {
                    return [.. _registrations];
                }
            }
        }

        [JsonRpcMethod("client/registerCapability")]
        public void RegisterCapability(System.Text.Json.JsonElement parameters)
        {
            lock (_gate)
            {
                _registrations.AddRange(parameters.GetProperty("registrations").EnumerateArray().Select(r => r.Clone()));
                SignalChange();
            }
        }

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(LogMessageParams parameters)
        {
            lock (_gate)
            {
                _log.Add(parameters);
                SignalChange();
            }
        }

        public Task<IReadOnlyList<LspDiagnostic>> WaitFor(string uri, Func<IReadOnlyList<LspDiagnostic>, bool> until) =>
            WaitUntil(() => _latest.TryGetValue(uri, out var diagnostics) && until(diagnostics) ? diagnostics : null);

        public Task<LogMessageParams> WaitForLog(Func<LogMessageParams, bool> match) => WaitUntil(() => _log.Find(m => match(m)));

        public Task<IReadOnlyList<System.Text.Json.JsonElement>> WaitForRegistrations() =>
            WaitUntil(() => _registrations.Count > 0 ? (IReadOnlyList<System.Text.Json.JsonElement>)[.. _registrations] : null);

        /// <summary>Wakes every waiter; called under the gate whenever the server pushed something.</summary>
        private void SignalChange()
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        /// <summary>Re-checks <paramref name="found"/> under the gate after each push until it returns something.</summary>
        private async Task<T> WaitUntil<T>(Func<T?> found) where T : class
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (found() is { } result)
                    {
                        return result;
                    }
                    changed = _changed.Task;
                }
                await changed;
            }
        }
    }
}
