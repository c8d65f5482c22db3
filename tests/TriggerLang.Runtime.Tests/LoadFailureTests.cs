using System.Reflection;
using TriggerLang.Compiler.Plugins;
using TriggerLang.Engine;
using TriggerLang.Engine.Rendering;
using TriggerLang.Runtime.Processing;
using TriggerLang.Runtime.Storage;
using TriggerLang.Runtime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace TriggerLang.Runtime.Tests;

/// <summary>
/// A pending send that cannot be read back fails the load with its error, however far the reading has got: the
/// reader, the parsers and the adder of <c>StateLoader</c> run at once, and none of them may wait forever for another
/// that has stopped (the runtime then retries the load, see docs/runtime.md).
/// </summary>
public sealed class LoadFailureTests
{
    [Fact]
    public async Task A_pending_payload_that_cannot_be_read_fails_a_large_load_instead_of_hanging_it()
    {
        var example = Path.Combine(RepositoryPaths.Root, "examples", "cart-abandonment");
        var lines = File.ReadAllLines(Path.Combine(example, "events.jsonl")).Take(7).ToArray();
        using var folder = new TempFolder().WithRulesFrom(example);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SimulatorParityTests.Start);
        IRuntimeStore store;
        await using (var runtime = await TestRuntime.StartAsync(folder, folder.Rules, clock))
        {
            await Replay.RunAsync(runtime, lines, drain: false);
            Assert.True(runtime.Count("pending") > 0);
            store = new SqliteStore(runtime.App.Services.GetRequiredService<Database>());

            var (channels, _) = ChannelCatalogLoader.Load(folder.Plugins);
            using var project = RuleProject.Open(folder.Rules, channels, RenderLimits.Default).Project!;
            // A payload that is not JSON, then 40 batches of the first stored row: the adder fails on the first batch
            // while the reader still has dozens to queue.
            var copies = Repeating.Wrap(store, copies: 40 * 2048, corrupt: "{ not json"u8.ToArray());

            var load = Task.Run(() => Session.Start(copies, project, explain: false));

            var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.Same(load, finished);
            await Assert.ThrowsAnyAsync<Exception>(() => load);
        }
    }

    /// <summary>A store whose pending rows are one with the given payload, then its first row many times over.</summary>
    public class Repeating : DispatchProxy
    {
        private IRuntimeStore _inner = null!;
        private int _copies;
        private byte[] _corrupt = [];

        internal static IRuntimeStore Wrap(IRuntimeStore inner, int copies, byte[] corrupt)
        {
            var proxy = Create<IRuntimeStore, Repeating>();
            var repeating = (Repeating)(object)proxy;
            (repeating._inner, repeating._copies, repeating._corrupt) = (inner, copies, corrupt);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name != nameof(IRuntimeStore.ReadPending))
            {
                try
                {
                    return method.Invoke(_inner, args);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    throw e.InnerException;
                }
            }
            var read = (Action<StoredPending, ReadOnlySpan<byte>>)args![0]!;
            StoredPending? first = null;
            byte[] payload = [];
            _inner.ReadPending((row, bytes) =>
            {
                if (first is null)
                {
                    (first, payload) = (row, bytes.ToArray());
                }
            });
            var row = first ?? throw new InvalidOperationException("the store has no pending row to repeat");
            read(row, _corrupt);
            for (var i = 1; i <= _copies; i++)
            {
                read(row with { Id = row.Id + i }, payload);
            }
            return null;
        }
    }
}
