using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using TriggerLang.Plugins;
using TriggerLang.Plugins.Hosting;

namespace TriggerLang.Bench.Benchmarks;

/// <summary>
/// The per-call cost of the plugin boundary: a no-op channel called directly
/// (the same code compiled into the benchmark, the baseline), the plugin's own
/// channel object across its load context with no guard, and through the host
/// (thread-pool hop, timeout token, <c>WaitAsync</c>, exception guard).
/// In process: the no-op plugin is built into <c>bench-plugins/</c> beside this assembly.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class PluginCallBenchmarks
{
    private readonly Delivery _delivery = new("noop", "welcome", "u1", ImmutableDictionary<string, string>.Empty,
        [new("text", "hello")], "welcome/u1/e1/noop", "e1", DateTimeOffset.UnixEpoch);

    private readonly IChannel _direct = new DirectNoOpChannel();
    private PluginHost _host = null!;
    private IChannel _pluginChannel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = PluginHost.Load(new PluginHostOptions(Path.Combine(AppContext.BaseDirectory, "bench-plugins")));
        if (_host.Problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", _host.Problems));
        }
        _pluginChannel = _host.Plugins.Single().Channels.Single();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true)]
    public Task<DeliveryResult> Direct() => _direct.DeliverAsync(_delivery, CancellationToken.None);

    [Benchmark]
    public Task<DeliveryResult> PluginChannelUnguarded() => _pluginChannel.DeliverAsync(_delivery, CancellationToken.None);

    [Benchmark]
    public Task<DeliveryResult> ThroughHost() => _host.DeliverAsync(_delivery);

    /// <summary>The same code as bench/NoOpPlugin's channel, in the benchmark's own context.</summary>
    private sealed class DirectNoOpChannel : IChannel
    {
        private static readonly Task<DeliveryResult> Done = Task.FromResult(DeliveryResult.Delivered());

        public string Name => "noop";

        public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => Done;
    }
}
