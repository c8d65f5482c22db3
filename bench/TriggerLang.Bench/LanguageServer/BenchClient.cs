using Nerdbank.Streams;
using StreamJsonRpc;
using TriggerLang.LanguageServer;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.Bench.LanguageServer;

/// <summary>
/// A real server on one end of an in-memory duplex stream and a JSON-RPC client
/// on the other (the pattern of the language server tests' LspSession, trimmed
/// to what the benchmark needs): initialize on a folder, open/change documents,
/// request, and wait for pushed diagnostics.
/// </summary>
internal sealed class BenchClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _root;
    private readonly TrigLanguageServer _server;
    private readonly JsonRpc _rpc;
    private readonly DiagnosticsSink _sink = new();
    private int _version;

    private BenchClient(string root)
    {
        _root = root;
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        _server = TrigLanguageServer.Start(serverStream, serverStream);
        _rpc = LspConnection.Create(clientStream, clientStream);
        _rpc.AddLocalRpcTarget(_sink, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        _rpc.StartListening();
    }

    public static async Task<BenchClient> StartAsync(string root)
    {
        var client = new BenchClient(root);
        var capabilities = new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = false } } };
        await client.Request<InitializeResult>("initialize",
            new { processId = (int?)null, rootUri = DocumentUri.FromPath(root), capabilities });
        await client._rpc.NotifyWithParameterObjectAsync("initialized", new { });
        return client;
    }

    public string Uri(string relativePath) => DocumentUri.FromPath(Path.Combine(_root, relativePath));

    public Task<T> Request<T>(string method, object parameters) =>
        _rpc.InvokeWithParameterObjectAsync<T>(method, parameters).WaitAsync(Timeout);

    public Task Open(string relativePath, string text) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/didOpen",
            new DidOpenTextDocumentParams(new TextDocumentItem(Uri(relativePath), "trig", ++_version, text)));

    public Task Change(string relativePath, string text) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new DidChangeTextDocumentParams(
            new VersionedTextDocumentIdentifier(Uri(relativePath), ++_version), [new TextDocumentContentChangeEvent(text)]));

    public Task<CompletionList> Complete(string relativePath, Position position) =>
        Request<CompletionList>("textDocument/completion", new TextDocumentPositionParams(new TextDocumentIdentifier(Uri(relativePath)), position));

    /// <summary>Waits until the last diagnostics pushed for the file satisfy <paramref name="until"/>.</summary>
    public Task<IReadOnlyList<LspDiagnostic>> Diagnostics(string relativePath, Func<IReadOnlyList<LspDiagnostic>, bool> until) =>
        _sink.WaitFor(Uri(relativePath), until).WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        _server.Dispose();
        await _server.Completion.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>What the server calls on the client: only the diagnostics matter; log messages are dropped.</summary>
    private sealed class DiagnosticsSink
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, IReadOnlyList<LspDiagnostic>> _latest = new(StringComparer.Ordinal);
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(PublishDiagnosticsParams parameters)
        {
            lock (_gate)
            {
                _latest[parameters.Uri] = parameters.Diagnostics;
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(LogMessageParams parameters)
        {
            _ = parameters;
        }

        public async Task<IReadOnlyList<LspDiagnostic>> WaitFor(string uri, Func<IReadOnlyList<LspDiagnostic>, bool> until)
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_latest.TryGetValue(uri, out var diagnostics) && until(diagnostics))
                    {
                        return diagnostics;
                    }
                    changed = _changed.Task;
                }
                await changed;
            }
        }
    }
}
