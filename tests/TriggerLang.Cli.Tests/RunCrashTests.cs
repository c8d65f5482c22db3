using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace TriggerLang.Cli.Tests;

/// <summary>
/// `trig run` killed with SIGKILL at random moments while a producer posts events, restarted on the same database,
/// again and again; then drained. The outbox ledger and the outcome export must show every acknowledged event
/// decided exactly once, every message delivered exactly once, and the rules' exceptions and caps kept.
/// Reproduce a run with TRIG_CRASH_SEED=N (the seed is in the output and in every failure).
/// </summary>
public sealed class RunCrashTests(ITestOutputHelper output) : IDisposable
{
    private const string ApiKey = "crash-test-key";
    private const int Users = 12;

    // welcome: a cap and an all-day window (00:00-00:00 is 24 h); nudge: an exception; thanks: no delay at all.
    private const string Schema = """
        event signup { plan: string }
        event purchase { order_id: string }
        user { name: string? }
        """;

    private const string Rules = """
        rule welcome on signup delay 1s window 00:00-00:00 utc cap 1/day send email "Welcome, {{ user.name }}"
        rule nudge on signup delay 2s unless purchase send email { subject: "Still thinking?" body: "Your {{ event.plan }} plan" }
        rule thanks on purchase send email "Thanks for order {{ event.order_id }}"
        """;

    private static readonly TimeSpan NudgeDelay = TimeSpan.FromSeconds(2);

    private readonly TempProject _project = new TempProject().With("schema.trig", Schema).With("rules.trig", Rules);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly List<string> _notes = [];

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Killed_and_restarted_at_random_the_runtime_decides_and_delivers_every_acknowledged_event_exactly_once()
    {
        var seed = Environment.GetEnvironmentVariable("TRIG_CRASH_SEED") is { } given ? int.Parse(given, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (TRIG_CRASH_SEED={seed} repeats this run's choices)");
        var random = new Random(seed);
        var kills = 6 + random.Next(3);
        var clock = Stopwatch.StartNew();

        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var stop = new CancellationTokenSource();
        var producer = new Producer(http, new Random(random.Next()), stop.Token);

        int redelivered = 0, repeated = 0;
        var trig = Start(0);
        var producing = Task.Run(producer.RunAsync);
        try
        {
            for (var kill = 1; kill <= kills; kill++)
            {
                // A quarter of the kills land during start-up (database, rules, state, deliveries left over); a
                // quarter at any moment while events stream in and messages go out; half right after the outbox
                // took a message, when the runtime has likely not yet recorded the answer: the repeat at the next
                // start is what the idempotency key is for.
                var moment = random.Next(4);
                if (moment > 0)
                {
                    await TrigServer.WaitHealthyAsync(http, trig, TimeSpan.FromSeconds(30));
                }
                if (moment < 2)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 2500)));
                }
                else
                {
                    await OutboxGrowsAsync(TimeSpan.FromSeconds(4));
                }
                // The only way out is the kill: a runtime that stopped by itself failed.
                Assert.False(trig.HasExited, $"trig run exited by itself (exit code {(trig.HasExited ? trig.ExitCode : 0)}) before kill {kill}");
                trig.Kill(entireProcessTree: true);
                await trig.WaitForExitAsync();
                var (left, repeats) = LeftOver();
                redelivered += left;
                repeated += repeats;
                Report($"kill {kill} at {clock.Elapsed.TotalSeconds:F1} s: {producer.Acknowledged.Count} events acknowledged, "
                    + $"{left} deliveries to hand out again, {repeats} of them already in the outbox");
                trig.Dispose();
                trig = Start(kill);
            }
            await TrigServer.WaitHealthyAsync(http, trig, TimeSpan.FromSeconds(30));
            await Task.Delay(1000);
            await stop.CancelAsync();
            await producing;

            var expected = producer.Acknowledged.Sum(e => e.Name == "signup" ? 2 : 1);
            var (outcomes, ledger) = await DrainAsync(http, expected, TimeSpan.FromSeconds(40));
            Report($"{kills} kills, {producer.Acknowledged.Count} events ({producer.Requests} requests, {producer.Retries} retried), "
                + $"{outcomes.Count} outcomes, {ledger.Count} deliveries ({redelivered} handed out again after a kill, {repeated} of them "
                + $"already delivered), {clock.Elapsed.TotalSeconds:F1} s");
            Check(producer.Acknowledged, outcomes, ledger, seed);
        }
        catch (Exception) when (Dump())
        {
            throw;
        }
        finally
        {
            _notes.ForEach(output.WriteLine);
            await stop.CancelAsync();
            if (!trig.HasExited)
            {
                trig.Kill(entireProcessTree: true);
                await trig.WaitForExitAsync();
            }
            trig.Dispose();
        }
    }

    /// <summary>The assertions, from the producer's acknowledgements, the outcome export and the outbox ledger.</summary>
    private static void Check(IReadOnlyList<SentEvent> events, List<JsonElement> outcomes, List<JsonElement> ledger, int seed)
    {
        string Because(string what) => $"{what} (seed {seed})";
        var byId = events.ToDictionary(e => e.Id);

        // Exactly once: one outcome per rule the event triggers, none for anything else.
        var decided = outcomes.GroupBy(o => (Rule: Text(o, "rule"), Trigger: Text(o, "trigger"))).ToList();
        var repeated = decided.Where(g => g.Count() > 1).Select(g => $"{g.Key.Rule}/{g.Key.Trigger} ×{g.Count()}").ToList();
        Assert.True(repeated.Count == 0, Because($"decided more than once: {string.Join(", ", repeated.Take(10))}"));
        var expected = events.SelectMany(e => e.Name == "signup" ? new[] { ("welcome", e.Id), ("nudge", e.Id) } : [("thanks", e.Id)]).ToHashSet();
        var actual = decided.Select(g => g.Key).ToHashSet();
        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0, Because($"{missing.Count} acknowledged triggers never decided: {string.Join(", ", missing.Take(10))}"));
        Assert.True(unexpected.Count == 0, Because($"outcomes for triggers never acknowledged: {string.Join(", ", unexpected.Take(10))}"));

        // The ledger: each idempotency key once, and exactly the sent outcomes.
        var keys = ledger.GroupBy(l => Text(l, "idempotency_key")).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.True(keys.Count == 0, Because($"delivered more than once: {string.Join(", ", keys.Take(10))}"));
        var sent = outcomes.Where(o => Text(o, "status") == "sent").Select(o => (Text(o, "rule"), Text(o, "user"), Text(o, "trigger"))).ToHashSet();
        var delivered = ledger.Select(l => (Text(l, "rule"), Text(l, "user"), Text(l, "trigger"))).ToHashSet();
        Assert.True(sent.SetEquals(delivered), Because($"sent but not in the outbox: {string.Join(", ", sent.Except(delivered).Take(10))}; "
            + $"in the outbox but not sent: {string.Join(", ", delivered.Except(sent).Take(10))}"));
        Assert.Equal(ledger.Count, sent.Count);

        var problems = new List<string>();
        foreach (var outcome in outcomes)
        {
            var (rule, status, reason, trigger) = (Text(outcome, "rule"), Text(outcome, "status"), Reason(outcome), byId[Text(outcome, "trigger")]);
            switch (rule)
            {
                case "nudge":
                    // Producers post in order and wait for each answer, so the inbox holds the events in the producer's
                    // order. A purchase after the signup, timed up to the send time, cancels the nudge — unless it
                    // reached the runtime only after the nudge went out (a producer retrying through a crash): a real
                    // runtime cannot wait for late events. Acknowledged before the send time, it must have cancelled it.
                    var due = trigger.Time + NudgeDelay;
                    var cancelling = events.Where(e => e.Name == "purchase" && e.User == trigger.User && e.Order > trigger.Order && e.Time <= due).ToList();
                    if (status == "sent" && cancelling.FirstOrDefault(e => e.AcknowledgedAt <= due) is { } missed)
                    {
                        problems.Add($"nudge for {trigger.Id} sent although {missed.Id} (at {missed.Time:O}, acknowledged {missed.AcknowledgedAt:O}) cancelled it");
                    }
                    if (status != "sent" && !(reason == "exception" && cancelling.Count > 0))
                    {
                        problems.Add($"nudge for {trigger.Id}: {status} {reason}, {cancelling.Count} cancelling purchases");
                    }
                    break;
                case "welcome":
                    // cap 1/day: the first signup of each user in the inbox's order gets it, every later one is capped.
                    var first = events.First(e => e.Name == "signup" && e.User == trigger.User);
                    var want = first == trigger ? "sent" : "suppressed capped";
                    if ($"{status} {reason}".Trim() != want)
                    {
                        problems.Add($"welcome for {trigger.Id}: {status} {reason}, expected {want}");
                    }
                    break;
                case "thanks" when status != "sent":
                    problems.Add($"thanks for {trigger.Id}: {status} {reason}");
                    break;
            }
        }
        Assert.True(problems.Count == 0, Because($"{problems.Count} wrong decisions: {string.Join("; ", problems.Take(10))}"));
        var welcomes = outcomes.Where(o => Text(o, "rule") == "welcome" && Text(o, "status") == "sent").GroupBy(o => Text(o, "user"));
        Assert.All(welcomes, g => Assert.True(g.Count() <= 1, Because($"cap 1/day exceeded for {g.Key}: {g.Count()} welcomes")));
        Assert.Contains(outcomes, o => Reason(o) == "exception");
        Assert.Contains(outcomes, o => Reason(o) == "capped");
    }

    /// <summary>Waits until every expected outcome is exported and the outbox holds a line for each sent one.</summary>
    private async Task<(List<JsonElement> Outcomes, List<JsonElement> Ledger)> DrainAsync(HttpClient http, int expected, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var outcomes = await ExportAsync(http);
            var ledger = Ledger();
            var sent = outcomes.Count(o => Text(o, "status") == "sent");
            if ((outcomes.Count >= expected && ledger.Count >= sent) || deadline.Elapsed > timeout)
            {
                // Once more after a pause: a repeated decision or delivery would show up now.
                await Task.Delay(1500);
                return (await ExportAsync(http), Ledger());
            }
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// Waits until the outbox grows (or <paramref name="atMost"/>), polling on a thread of its own without sleeping:
    /// the runtime records the channel's answer within a millisecond or so of the line, and a timer is too coarse.
    /// </summary>
    private Task OutboxGrowsAsync(TimeSpan atMost)
    {
        var file = new FileInfo(Path.Combine(_project.FullPath, "outbox", "email.jsonl"));
        long Length()
        {
            file.Refresh();
            return file.Exists ? file.Length : 0;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            var before = Length();
            var waited = Stopwatch.StartNew();
            while (Length() == before && waited.Elapsed < atMost)
            {
                Thread.Yield();
            }
            done.SetResult();
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal }.Start();
        return done.Task;
    }

    private static async Task<List<JsonElement>> ExportAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/v1/outcomes/export");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>
    /// After a kill: the messages decided but not known to be delivered (the runtime hands them out again at start),
    /// and how many of those the outbox took already — the repeats it must recognise by their key.
    /// </summary>
    private (int Left, int Repeats) LeftOver()
    {
        var db = Path.Combine(_project.FullPath, "state.db");
        if (!File.Exists(db))
        {
            return (0, 0);
        }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT idempotency_key FROM deliveries";
        var left = new List<string>();
        try
        {
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                left.Add(reader.GetString(0));
            }
        }
        catch (SqliteException)
        {
            // Killed before the schema was made.
            return (0, 0);
        }
        var delivered = Ledger().Select(l => Text(l, "idempotency_key")).ToHashSet();
        return (left.Count, left.Count(delivered.Contains));
    }

    private List<JsonElement> Ledger()
    {
        var file = Path.Combine(_project.FullPath, "outbox", "email.jsonl");
        return File.Exists(file)
            ? [.. File.ReadAllLines(file).Where(l => l.Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone())]
            : [];
    }

    private Process Start(int run)
    {
        var trig = Path.Combine(AppContext.BaseDirectory, "trig.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                trig, "run", _project.FullPath, "--db", Path.Combine(_project.FullPath, "state.db"), "--plugins", BuiltInPlugins(),
                "--urls", Url, "--Runtime:WatchRules=false", "--Runtime:SweepEvery=00:00:00.200", "--Logging:LogLevel:Default=Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _project.FullPath,
            Environment = { ["TRIG_API_KEY"] = ApiKey },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Note(e.Data, run);
        process.ErrorDataReceived += (_, e) => Note(e.Data, run);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private string Url => $"http://127.0.0.1:{_port ??= TrigServer.FreePort()}";

    private int? _port;

    /// <summary>The plugins that ship with trig, beside trig.dll (copied there by this project's build).</summary>
    private static string BuiltInPlugins()
    {
        var plugins = Path.Combine(AppContext.BaseDirectory, "plugins");
        Assert.True(Directory.Exists(Path.Combine(plugins, "outbox")), $"the built-in plugins are not in {plugins}: build the tests again");
        return plugins;
    }

    private void Note(string? line, int run)
    {
        if (line is not null)
        {
            _log.Enqueue($"[run {run}] {line}");
        }
    }

    /// <summary>A line of the test's own, printed at the end, pass or fail (the runtime's lines only on failure, before).</summary>
    private void Report(string line) => _notes.Add(line);

    private bool Dump()
    {
        foreach (var line in _log.TakeLast(300))
        {
            output.WriteLine(line);
        }
        return false;
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static string? Reason(JsonElement outcome) => outcome.TryGetProperty("reason", out var reason) ? reason.GetString() : null;

    /// <summary>An event the producer got a 2xx for; <see cref="Order"/> is its place in the producer's (and so the inbox's) order.</summary>
    private sealed record SentEvent(int Order, string Id, string Name, string User, DateTimeOffset Time)
    {
        public DateTimeOffset AcknowledgedAt { get; set; }

        public string Json => Name == "signup"
            ? $$$"""{"id":"{{{Id}}}","name":"signup","user":"{{{User}}}","time":"{{{Iso(Time)}}}","properties":{"plan":"p{{{Order % 3}}}"}}"""
            : $$$"""{"id":"{{{Id}}}","name":"purchase","user":"{{{User}}}","time":"{{{Iso(Time)}}}","properties":{"order_id":"o{{{Order}}}"}}""";

        private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Posts the users, then events timed at the current time — alone or a few in one request — each request retried
    /// until it gets a 2xx, as a producer does: a repeat of a request that was stored but not answered is recognised
    /// by its event ids.
    /// </summary>
    private sealed class Producer(HttpClient http, Random random, CancellationToken stop)
    {
        private readonly List<SentEvent> _acknowledged = [];
        private int _order;

        public IReadOnlyList<SentEvent> Acknowledged
        {
            get
            {
                lock (_acknowledged)
                {
                    return [.. _acknowledged];
                }
            }
        }

        public int Requests { get; private set; }

        public int Retries { get; private set; }

        public async Task RunAsync()
        {
            var users = string.Join(",", Enumerable.Range(0, Users).Select(u => $$$"""{"id":"u{{{u}}}","attributes":{"email":"u{{{u}}}@example.com","name":"User {{{u}}}"}}"""));
            await PostAsync("/v1/users", $"[{users}]", ignoreStop: true);
            while (!stop.IsCancellationRequested)
            {
                var batch = new List<SentEvent>();
                // Mostly one event a request, some small batches, and now and then a burst: many sends due at once.
                var count = random.Next(10) switch { 0 => random.Next(20, 60), < 4 => random.Next(2, 6), _ => 1 };
                while (batch.Count < count)
                {
                    // A third purchases, so that many a signup's nudge meets one within its 2 s.
                    var order = _order++;
                    var name = random.Next(3) == 0 ? "purchase" : "signup";
                    var now = DateTimeOffset.UtcNow;
                    var time = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
                    batch.Add(new SentEvent(order, $"e{order}", name, $"u{random.Next(Users)}", time));
                }
                var body = batch.Count == 1 ? batch[0].Json : $"[{string.Join(",", batch.Select(e => e.Json))}]";
                // A request under way when the test stops is finished all the same: the test counts only what it knows.
                await PostAsync("/v1/events", body, ignoreStop: true);
                var now2 = DateTimeOffset.UtcNow;
                lock (_acknowledged)
                {
                    foreach (var e in batch)
                    {
                        e.AcknowledgedAt = now2;
                        _acknowledged.Add(e);
                    }
                }
                await Task.Delay(random.Next(2, 12));
            }
        }

        private async Task PostAsync(string path, string body, bool ignoreStop)
        {
            for (var attempt = 0; ; attempt++)
            {
                Requests++;
                if (attempt > 0)
                {
                    Retries++;
                }
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var answer = await http.PostAsync(path, content);
                    if (answer.IsSuccessStatusCode)
                    {
                        return;
                    }
                    Assert.True((int)answer.StatusCode >= 500, $"POST {path} got {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                if (!ignoreStop)
                {
                    stop.ThrowIfCancellationRequested();
                }
                await Task.Delay(100);
            }
        }
    }
}
