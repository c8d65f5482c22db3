using BenchmarkDotNet.Attributes;
using TriggerLang.Plugins;
using TriggerLang.Plugins.Outbox;

namespace TriggerLang.Bench.Channels;

/// <summary>
/// Deliveries per second through the outbox: one realistic email (subject, a short HTML body, an address) written
/// again and again to a temporary folder. Each invocation delivers <see cref="Deliveries"/> messages, so the
/// reported mean is per delivery: deliveries/s = 1 s / mean. The target is 50,000/s (≤ 20 µs each).
/// </summary>
[MemoryDiagnoser]
public class OutboxBenchmarks
{
    private const int Deliveries = 10_000;

    private static readonly Delivery Email = new(
        "email",
        "cart_recovery",
        "u123456",
        new Dictionary<string, string> { ["email"] = "ann.example@example.com" },
        [
            new("subject", "Ann, your cart is waiting"),
            new("body", "<p>Hello Ann,</p><p>You left 2 items (€150.00) in your cart. <a href=\"https://shop.example/cart/c9\">Finish your order</a>.</p>"),
        ],
        "cart_recovery/u123456/e987654/email",
        "e987654",
        new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero));

    private string _folder = "";
    private IChannel _email = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("trig-outbox-bench-").FullName;
        var context = new PluginContext("outbox", _folder, new Dictionary<string, string> { ["Directory"] = _folder }, _ => null, _ => { });
        _email = new OutboxPlugin().CreateChannels(context).Single(c => c.Name == "email");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ((IDisposable)_email).Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One caller after another: the cost of a delivery (serialize, lock, one write(2)).</summary>
    [Benchmark(OperationsPerInvoke = Deliveries)]
    public async Task OneThread()
    {
        for (var i = 0; i < Deliveries; i++)
        {
            await _email.DeliverAsync(Email, CancellationToken.None);
        }
    }

    /// <summary>Four callers at once on one channel, as the host's delivery workers would be: what the lock costs.</summary>
    [Benchmark(OperationsPerInvoke = Deliveries)]
    public Task FourThreads() => Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < Deliveries / 4; i++)
        {
            await _email.DeliverAsync(Email, CancellationToken.None);
        }
    })));
}
