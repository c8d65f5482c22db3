using Microsoft.Extensions.Logging;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Engine;
using TriggerLang.Engine.Rendering;

namespace TriggerLang.Runtime.Processing;

/// <summary>
/// Compiles the rules project and swaps the decision loop onto the new pack: on start, on
/// <c>POST /v1/admin/reload</c>, and when a .trig file changes. A project with errors is refused and the running
/// pack kept. One reload at a time.
/// </summary>
internal sealed class RulesReloader(RuntimeOptions options, ChannelCatalog channels, ILogger log) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private Timer? _poll;
    private RuleProject? _current;

    /// <summary>Compiles the project; the project, or the diagnostics that refuse it.</summary>
    public RuleProjectLoad Compile()
    {
        var load = RuleProject.Open(options.Rules, channels, RenderLimits.Default);
        foreach (var diagnostic in load.Diagnostics.Where(d => !d.IsError))
        {
            log.LogWarning("{Diagnostic}", diagnostic.ToString());
        }
        return load;
    }

    public void Started(RuleProject project) => _current = project;

    public async Task<ReloadResult> ReloadAsync(DecisionLoop loop)
    {
        await _one.WaitAsync();
        try
        {
            var load = await Task.Run(Compile);
            if (load.Project is not { } project)
            {
                var problems = load.Fatal is { } fatal ? [fatal] : load.Diagnostics.Where(d => d.IsError).ToList();
                log.LogError("the rules were not reloaded; the running rules are kept:{NewLine}{Problems}", Environment.NewLine,
                    string.Join(Environment.NewLine, problems));
                return new ReloadResult(false, problems, load.Diagnostics.Where(d => !d.IsError).ToList());
            }
            await loop.SwapAsync(project);
            var old = _current;
            _current = project;
            old?.Dispose();
            log.LogInformation("rules reloaded: {Count} rules", project.Rules.Rules.Length);
            return new ReloadResult(true, [], load.Diagnostics);
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>
    /// Reloads when the rules change: polls their files every <see cref="RuntimeOptions.WatchEvery"/> and reloads once
    /// they have changed and then stayed the same for one more poll (an editor's save, a checkout, are several writes).
    /// </summary>
    public void Watch(DecisionLoop loop)
    {
        var compiled = RulesFingerprint.Of(options.Rules, _current);
        string? seen = null;
        // One-shot, armed again after each poll: a reload that takes longer than the period never overlaps the next poll.
        _poll = new Timer(_ =>
        {
            try
            {
                var now = RulesFingerprint.Of(options.Rules, _current);
                if (now != compiled && now == seen)
                {
                    compiled = now;
                    ReloadAsync(loop).GetAwaiter().GetResult();
                }
                seen = now;
                _poll?.Change(options.WatchEvery, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Stopping.
            }
        });
        _poll.Change(options.WatchEvery, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _poll?.Dispose();
        _current?.Dispose();
        _one.Dispose();
    }
}

/// <summary>What a reload did: <see cref="Reloaded"/>, or the <see cref="Errors"/> that refused it.</summary>
internal sealed record ReloadResult(bool Reloaded, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Warnings);
