using System.Net;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TriggerLang.Engine.Decision;
using TriggerLang.Runtime.Storage;
using TriggerLang.Runtime.Storage.Sqlite;

namespace TriggerLang.Runtime.Tests;

/// <summary>
/// The runtime serves as soon as the rules are compiled and loads its state in the background: input is accepted
/// meanwhile, nothing is decided before the state is loaded, and what is decided after is what it would have been.
/// </summary>
public sealed class LoadingTests
{
    [Fact]
    public async Task Input_is_accepted_while_the_state_loads_and_decided_only_once_it_has_loaded()
    {
        var example = Path.Combine(RepositoryPaths.Root, "examples", "cart-abandonment");
        var lines = File.ReadAllLines(Path.Combine(example, "events.jsonl"));
        // Up to e4 (2026-12-02T15:00): cart_recovery sends are pending; e5 (a purchase of the cart) comes while loading.
        var before = lines.Take(7).ToArray();
        var during = lines[7];
        var after = lines.Skip(8).ToArray();
        var duringTime = new DateTimeOffset(2026, 12, 2, 15, 10, 0, TimeSpan.Zero);
        Assert.Contains("\"2026-12-02T15:10:00Z\"", during);

        using var folder = new TempFolder().WithRulesFrom(example);
        var clock = new FakeTimeProvider(SimulatorParityTests.Start);
        await using (var first = await TestRuntime.StartAsync(folder, folder.Rules, clock))
        {
            await Replay.RunAsync(first, before, drain: false);
            Assert.True(first.NextDue() > duringTime);
        }

        using var gate = new ManualResetEventSlim();
        await using var second = await TestRuntime.StartAsync(folder, folder.Rules, clock,
            services: services => services.AddSingleton<IRuntimeStore>(provider => HeldStore.Wrap(new SqliteStore(provider.GetRequiredService<Database>()), gate)),
            waitLoaded: false);
        var loop = second.Services.Loop;
        var pending = second.Count("pending");
        var outcomes = second.Count("outcomes");
        var processed = Processed(second);
        Assert.True(pending > 0);

        // Loading: healthy, saying so, and taking input (checked against the schema: a bad record is still refused).
        Assert.False(loop.Loaded);
        using (var health = await second.Http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("""{"status":"loading"}""", await health.Content.ReadAsStringAsync());
        }
        using (var bad = await second.PostAsync("/v1/events", """{"id":"x","name":"purchase","user":"u1","time":"2026-12-02T15:10:00Z","properties":{}}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        clock.SetUtcNow(duringTime);
        await second.AcceptAsync("/v1/events", $"[{during}]");
        Assert.Equal(1, Unprocessed(second, processed));

        // Nothing is decided while loading, however often the loop is woken.
        for (var i = 0; i < 5; i++)
        {
            loop.Wake();
            await Task.Delay(20);
        }
        Assert.False(loop.Loaded);
        Assert.Equal(pending, second.Count("pending"));
        Assert.Equal(outcomes, second.Count("outcomes"));
        Assert.Equal(processed, Processed(second));

        gate.Set();
        await loop.WhenLoaded.WaitAsync(TimeSpan.FromSeconds(30));
        await second.SettleAsync();
        using (var health = await second.Http.GetAsync("/healthz"))
        {
            Assert.Equal("""{"status":"ok"}""", await health.Content.ReadAsStringAsync());
        }
        Assert.True(Processed(second) > processed);
        await Replay.RunAsync(second, after, drain: true);

        // The same outcomes as an uninterrupted run (and as the simulator).
        Assert.Equal(File.ReadAllText(Path.Combine(example, "expected-outcomes.jsonl")), await second.ExportAsync());
    }

    [Fact]
    public async Task The_sends_of_a_fan_out_share_their_trigger_event_once_loaded()
    {
        using var folder = new TempFolder().WithRules("""
            event posted { actor: user }

            rule tell on posted to followers(actor) delay 1h send email "new post"
            """);
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)));
        string[] followers = ["u2", "u3", "u4"];
        foreach (var follower in followers)
        {
            await runtime.AcceptAsync("/v1/follows", $$"""{"follower":"{{follower}}","followee":"u1"}""");
        }
        // Two posts at one instant: six sends due together, read one after the other.
        await runtime.AcceptAsync("/v1/events", """
            [{"id":"p1","name":"posted","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"actor":"u1"}},
             {"id":"p2","name":"posted","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"actor":"u1"}}]
            """);
        await runtime.SettleAsync();

        var project = runtime.Services.Loop.Project;
        var records = new StoredRecords(project);
        var loaded = StateLoader.Load(runtime.Services.Store, project, records, new PendingJson(records, project.Rules));

        var sends = new List<PendingSend>();
        while (loaded.Memory.NextDue is { } next)
        {
            sends.Add(next);
            loaded.Memory.RemovePending(next);
        }
        Assert.Equal(6, sends.Count);
        var triggers = sends.Select(s => s.Trigger).Distinct(ReferenceEqualityComparer.Instance).Cast<TriggerLang.Evaluation.EventRecord>();
        Assert.Equal(["p1", "p2"], triggers.Select(e => e.Id).Order());
    }

    private static long Processed(TestRuntime runtime)
    {
        using var connection = runtime.Services.Database.Open();
        return connection.ExecuteScalar<long?>("SELECT value FROM counters WHERE name = 'processed'") ?? 0;
    }

    private static long Unprocessed(TestRuntime runtime, long processed)
    {
        using var connection = runtime.Services.Database.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM inbox WHERE seq > @processed", new { processed });
    }

    /// <summary>A store whose pending sends cannot be read until the gate opens: the start-up load waits there.</summary>
    public class HeldStore : DispatchProxy, IDisposable
    {
        private object _inner = null!;
        private ManualResetEventSlim _gate = null!;

        internal static IRuntimeStore Wrap(IRuntimeStore inner, ManualResetEventSlim gate)
        {
            var proxy = Create<IRuntimeStore, HeldStore>();
            var held = (HeldStore)(object)proxy;
            held._inner = inner;
            held._gate = gate;
            return proxy;
        }

        public void Dispose() => (_inner as IDisposable)?.Dispose();

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IRuntimeStore.ReadPending))
            {
                _gate.Wait(TimeSpan.FromSeconds(60));
            }
            try
            {
                return method.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
