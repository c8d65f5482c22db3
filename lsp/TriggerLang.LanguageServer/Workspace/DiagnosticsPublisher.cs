using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Workspace;

/// <summary>
/// Pushes the project's diagnostics after each change, once changes pause
/// for <see cref="Debounce"/>; changes that arrive while a compile runs are
/// coalesced into one more compile after it. Every file whose diagnostics changed gets a
/// new list (an empty one clears it), so a fix in the schema clears errors in
/// the rule files that used it; the documents just changed always get one, so
/// the editor knows they were analysed.
/// </summary>
public sealed class DiagnosticsPublisher : IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(10);

    private readonly ProjectWorkspace _workspace;
    private readonly Func<PublishDiagnosticsParams, Task> _send;
    private readonly ServerLog _log;
    private readonly Timer _timer;
    private readonly Lock _publishing = new();
    private readonly Lock _touchedGate = new();
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<LspDiagnostic>> _published = new(StringComparer.Ordinal);

    public DiagnosticsPublisher(ProjectWorkspace workspace, Func<PublishDiagnosticsParams, Task> send, ServerLog log)
    {
        _workspace = workspace;
        _send = send;
        _log = log;
        _timer = new Timer(_ => Publish());
    }

    /// <summary>Schedules a publish; <paramref name="path"/> is the document that changed, if any.</summary>
    public void Schedule(string? path)
    {
        // Not the publishing lock: a change must not wait for the compile of the previous one.
        lock (_touchedGate)
        {
            if (path is not null)
            {
                _touched.Add(path);
            }
        }
        _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer.Dispose();

    private void Publish()
    {
        // The timer may fire again while a publish runs; one at a time keeps the published state consistent.
        lock (_publishing)
        {
            HashSet<string> touched;
            lock (_touchedGate)
            {
                touched = [.. _touched];
                _touched.Clear();
            }
            try
            {
                PublishUnlocked(touched);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _log.Error("analysing the project", e);
                foreach (var path in touched)
                {
                    var internalError = new LspDiagnostic(Conversions.Empty, 1, "TRG0901", "trig",
                        $"The language server failed while analysing this project ({e.GetType().Name}: {e.Message}); see its log.");
                    Send(path, [internalError]);
                }
            }
        }
    }

    private void PublishUnlocked(HashSet<string> touched)
    {
        var byFile = _workspace.Current().Diagnostics
            .Where(d => d.Location is not null)
            .GroupBy(d => d.Location!.Value.File.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<LspDiagnostic>)[.. g.Select(Conversions.ToLsp)], StringComparer.Ordinal);
        var paths = _workspace.Files.Union(_published.Keys).Union(byFile.Keys).Union(touched).ToList();
        foreach (var path in paths)
        {
            var now = byFile.GetValueOrDefault(path) ?? [];
            var before = _published.GetValueOrDefault(path) ?? [];
            if (touched.Contains(path) || !now.SequenceEqual(before))
            {
                Send(path, now);
            }
        }
    }

    private void Send(string path, IReadOnlyList<LspDiagnostic> diagnostics)
    {
        _published[path] = diagnostics;
        _ = SendAsync(new PublishDiagnosticsParams(DocumentUri.FromPath(path), diagnostics));
    }

    private async Task SendAsync(PublishDiagnosticsParams message)
    {
        try
        {
            await _send(message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StreamJsonRpc.ConnectionLostException or ObjectDisposedException)
        {
            // The editor is gone (or the server is stopping): nobody is left to tell.
        }
    }
}
