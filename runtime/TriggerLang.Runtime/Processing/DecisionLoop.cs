using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;
using TriggerLang.Plugins;
using TriggerLang.Plugins.Hosting;
using TriggerLang.Runtime.Delivery;
using TriggerLang.Runtime.Ingest;
using TriggerLang.Runtime.Storage;

namespace TriggerLang.Runtime.Processing;

/// <summary>
/// The one writer of the engine's state: a loop that takes accepted input from the inbox in order, fires the sends
/// that came due, records what the channels answered, and commits each pass as one transaction — state, outcomes,
/// messages to deliver, and how far it got. It is the simulator's loop (LANGUAGE.md §11) with a real clock:
/// an input is processed after the sends due before its time and before those due at it; a message's
/// <c>message_sent</c> is processed right after it is decided. Messages go to their channels only once committed,
/// so a crash at any instant loses nothing and repeats nothing but a delivery, which carries its idempotency key.
/// </summary>
internal sealed class DecisionLoop : IAsyncDisposable
{
    private const int InputsPerPass = 2000;
    private const int SendsPerPass = 5000;
    // Records handed over in memory by the inbox and not yet taken; past this, they are read back from the table.
    private const int HandedMax = 100_000;
    // The shortest time from the end of one round of passes to the start of the next: work gathers meanwhile, so that
    // one pass and one commit (which holds the write lock the inbox needs) serve many requests and answers, instead
    // of one pass per inbox commit. Producers do not wait for it: their 202 only waits for the inbox.
    private static readonly TimeSpan PassEvery = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    private readonly IRuntimeStore _store;
    private readonly TimeProvider _clock;
    private readonly DeliveryQueue _deliveries;
    private readonly RuntimeOptions _options;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _log;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentQueue<DeliveryReport> _reports = new();
    private readonly ConcurrentQueue<(RuleProject Project, TaskCompletionSource Done)> _swaps = new();
    private readonly ConcurrentQueue<TaskCompletionSource> _idleWaiters = new();
    private readonly ConcurrentQueue<InboxInput> _handed = new();
    private int _handedCount;
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    // One pass's work, committed together.
    private readonly List<(long Decision, Outcome Outcome)> _outcomes = [];
    private readonly List<PendingDelivery> _decided = [];
    private readonly List<DeliveryReport> _answered = [];
    // The idle waiters registered before the current pass began (the loop's thread only).
    private readonly List<TaskCompletionSource> _waiting = [];
    private readonly List<InboxInput> _inputs = [];

    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile Session? _session;
    // The schema checks for input before the first session exists (the state is still loading).
    private volatile StoredRecords? _records;
    private long _processed;
    private long _order;
    private long _decision;
    private DateTimeOffset _lastForget = DateTimeOffset.MinValue;
    private int _inFlight;
    private long _passesEnded;
    private Task? _running;
    private int _disposed;

    public DecisionLoop(IRuntimeStore store, TimeProvider clock, DeliveryQueue deliveries, RuntimeOptions options, RuntimeMetrics metrics, ILogger log)
    {
        _store = store;
        _clock = clock;
        _deliveries = deliveries;
        _options = options;
        _metrics = metrics;
        _log = log;
        deliveries.Answered += report =>
        {
            _reports.Enqueue(report);
            Wake();
        };
    }

    /// <summary>The rule project the loop decides with now.</summary>
    public RuleProject Project => _session?.Project ?? throw new InvalidOperationException("the decision loop has not loaded its state yet");

    /// <summary>Checks input records against the running rules' schema (any thread); available as soon as <see cref="Start"/> returns.</summary>
    public RecordParser Parser => (_session?.Records ?? _records)?.Parser ?? throw new InvalidOperationException("the decision loop has not started");

    /// <summary>True once the committed state is in memory and the loop decides (before that, input is only accepted).</summary>
    public bool Loaded => _loaded.Task.IsCompleted;

    /// <summary>Completes when the committed state is in memory and the loop has started deciding.</summary>
    public Task WhenLoaded => _loaded.Task;

    /// <summary>
    /// Starts: returns at once, with <see cref="Parser"/> ready for input; in the background, loads the committed
    /// state for <paramref name="project"/>, hands out the deliveries left unanswered, and only then starts deciding.
    /// Nothing is decided before the whole state is loaded; input accepted meanwhile waits in the (durable) inbox.
    /// </summary>
    public void Start(RuleProject project)
    {
        var records = new StoredRecords(project);
        _records = records;
        _running = Task.Run(() => LoadThenRunAsync(project, records));
    }

    private async Task LoadThenRunAsync(RuleProject project, StoredRecords records)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var failures = 1; ; failures++)
        {
            try
            {
                Begin(project, records);
                // All read before any is handed out: a failure here retries without handing one out twice.
                var unanswered = _store.Unanswered().Select(PendingDelivery.Read).ToList();
                foreach (var delivery in unanswered)
                {
                    Hand(delivery);
                }
                break;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database could not be read (or the orphans' outcomes not written): nothing is decided; try again.
                _log.LogError(e, "the committed state could not be loaded; retrying");
                _session = null;
                _outcomes.Clear();
                _inFlight = 0;
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 100 * (1 << Math.Min(failures, 9)))), _clock, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        _log.LogInformation("state loaded in {Seconds:0.00} s: {Pending} pending sends", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            _session!.State.Memory.PendingCount);
        _loaded.SetResult();
        Wake();
        await RunAsync();
    }

    /// <summary>Something to do: input accepted, a sweep tick, a channel's answer.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// The records the inbox has just committed, in inbox order, already parsed by the API (the inbox's writer thread).
    /// The loop takes them from memory rather than reading and parsing them again; the table stays the durable copy,
    /// read whenever memory does not continue exactly where the loop is (after a start, a failed pass, or when more
    /// than <see cref="HandedMax"/> are waiting).
    /// </summary>
    public void Accepted(List<InboxInput> stored)
    {
        if (stored.Count > 0 && Volatile.Read(ref _handedCount) + stored.Count <= HandedMax)
        {
            foreach (var input in stored)
            {
                _handed.Enqueue(input);
            }
            Interlocked.Add(ref _handedCount, stored.Count);
        }
        Wake();
    }

    /// <summary>Switches to another rule pack (a reload) between two passes; completes once the new session has started.</summary>
    public Task SwapAsync(RuleProject project)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _swaps.Enqueue((project, done));
        Wake();
        return done.Task;
    }

    /// <summary>Completes when a pass finds nothing to do and no delivery is outstanding (tests, graceful stop).</summary>
    public Task WhenIdleAsync()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _idleWaiters.Enqueue(idle);
        Wake();
        return idle.Task;
    }

    /// <summary>Stops after the pass under way (its work is committed or rolled back, never half). Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        // Disposed twice: by RuntimeService when the host stops, then by the container that owns the singleton.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void Begin(RuleProject project, StoredRecords? records = null)
    {
        _session = Session.Start(_store, project, _options.Explain, records, _stop.Token);
        (_processed, _order, _, _decision) = _session.Counters;
        foreach (var (orphan, payloadText) in _session.Orphans)
        {
            using var payload = JsonDocument.Parse(payloadText);
            var root = payload.RootElement;
            _outcomes.Add((++_decision, new Outcome(orphan.Due, orphan.Rule, orphan.Recipient, root.GetProperty("channel").GetString()!,
                OutcomeStatus.Suppressed, OutcomeReason.Inactive, root.GetProperty("trigger_id").GetString()!, [],
                [$"the rule {orphan.Rule} was removed from the project before the send was due"], "the rule was removed")));
            _session.State.DeleteOrphan(orphan.Id);
        }
        if (_session.Orphans.Count > 0)
        {
            _log.LogWarning("{Count} pending sends belonged to rules that were removed: recorded as suppressed (inactive)", _session.Orphans.Count);
            Commit();
        }
    }

    private async Task RunAsync()
    {
        var failures = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _wake.Reader.ReadAsync(_stop.Token);
                // The system clock, not _clock: a test's clock may stand still.
                var since = Stopwatch.GetElapsedTime(_passesEnded);
                if (since < PassEvery)
                {
                    await Task.Delay(PassEvery - since, _stop.Token);
                }
                while (Pass())
                {
                    // More is waiting: keep going without waiting for a wake-up.
                }
                _passesEnded = Stopwatch.GetTimestamp();
                failures = 0;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database error (disk full, locked too long) or a bug: nothing of the pass was committed. Start again
                // from the committed state, after a pause that grows while the failures go on.
                failures++;
                _log.LogError(e, "a decision pass failed and was rolled back; retrying from the committed state");
                _metrics.PassFailed();
                Recover();
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 100 * (1 << Math.Min(failures, 9)))), _clock, _stop.Token);
                Wake();
            }
        }
    }

    /// <summary>One pass; true when work is left over for another.</summary>
    private bool Pass()
    {
        // Only a pass that begins after a waiter registered can tell it the loop is idle: one already under way may
        // have read the inbox before input the waiter is waiting for was accepted.
        while (_idleWaiters.TryDequeue(out var waiter))
        {
            _waiting.Add(waiter);
        }
        while (_swaps.TryDequeue(out var swap))
        {
            _session!.State.Clear();
            Begin(swap.Project);
            swap.Done.SetResult();
        }
        var now = _clock.GetUtcNow();
        while (_reports.TryDequeue(out var report))
        {
            _answered.Add(report);
        }
        var inputs = TakeInputs();
        foreach (var input in inputs)
        {
            if (Parse(input) is { } record)
            {
                var at = record.Time is { } time && time < now ? time : now;
                FireDue(at, inclusive: false, int.MaxValue);
                Apply(record, input.Text);
            }
            _processed = input.Seq;
        }
        var fired = FireDue(now, inclusive: true, SendsPerPass);
        var worked = inputs.Count > 0 || fired > 0 || _answered.Count > 0 || _outcomes.Count > 0;
        if (worked)
        {
            Commit();
            _metrics.InputsProcessed(inputs.Count);
        }
        var more = inputs.Count == InputsPerPass || fired == SendsPerPass || !_reports.IsEmpty || !_swaps.IsEmpty || !_handed.IsEmpty;
        if (!more && _inFlight == 0)
        {
            foreach (var idle in _waiting)
            {
                idle.SetResult();
            }
            _waiting.Clear();
        }
        return more;
    }

    /// <summary>
    /// The next inputs after <see cref="_processed"/>, in inbox order: from memory when what the inbox handed over
    /// continues exactly there, otherwise from the table (what memory holds up to there is dropped as it is passed).
    /// </summary>
    private List<InboxInput> TakeInputs()
    {
        _inputs.Clear();
        while (_handed.TryPeek(out var stale) && stale.Seq <= _processed)
        {
            Take();
        }
        if (_handed.TryPeek(out var head) && head.Seq == _processed + 1)
        {
            var last = _processed;
            while (_inputs.Count < InputsPerPass && _handed.TryPeek(out var next) && next.Seq == last + 1)
            {
                _inputs.Add(Take());
                last = next.Seq;
            }
        }
        else
        {
            foreach (var (seq, text) in _store.ReadInbox(_processed, InputsPerPass))
            {
                _inputs.Add(new InboxInput(seq, text, null, null));
            }
        }
        return _inputs;

        InboxInput Take()
        {
            _handed.TryDequeue(out var input);
            Interlocked.Decrement(ref _handedCount);
            return input;
        }
    }

    /// <summary>The record parsed by the API when the rules have not changed since, otherwise its text parsed now.</summary>
    private InputRecord? Parse(in InboxInput input) =>
        input.Parsed is { } parsed && ReferenceEquals(input.ParsedBy, _session!.Records.Parser) ? parsed : Parse(input.Seq, input.Text);

    /// <summary>An inbox record through the current schema; one that no longer fits it (the rules changed) is skipped with a warning.</summary>
    private InputRecord? Parse(long seq, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return _session!.Records.Parser.Parse(document.RootElement, $"inbox {seq}");
        }
        catch (InputException e)
        {
            _log.LogWarning("accepted input {Seq} does not fit the current rules' schema any more and is skipped: {Problem}", seq, e.Describe());
            return null;
        }
    }

    private void Apply(InputRecord record, string text)
    {
        var session = _session!;
        switch (record)
        {
            case UserInput user:
                session.Engine.Apply(user);
                session.State.ProfileChanged(user.UserId);
                break;
            case FollowInput follow:
                session.Engine.Apply(follow);
                break;
            case EventInput input:
                var e = input.Event;
                session.Records.Known(e, text);
                if (e.Time - _lastForget >= ForgetEvery)
                {
                    session.Engine.Forget(e.Time);
                    _lastForget = e.Time;
                }
                Collect(session.Engine.Ingest(e, ++_order));
                break;
        }
    }

    /// <summary>Fires the pending sends due before <paramref name="until"/> (or at it, when <paramref name="inclusive"/>), at most <paramref name="limit"/>.</summary>
    private int FireDue(DateTimeOffset until, bool inclusive, int limit)
    {
        var memory = _session!.State.Memory;
        var fired = 0;
        while (fired < limit && memory.NextDue is { } next && (next.Due < until || (inclusive && next.Due == until)))
        {
            Fire(next);
            fired++;
        }
        return fired;
    }

    private void Fire(PendingSend send)
    {
        var session = _session!;
        // On time (within the grace), a send is decided as of its due time, as the simulator decides it; later than
        // that the runtime was down or overloaded, and windows, caps and exceptions are checked as of now.
        var now = _clock.GetUtcNow();
        var at = now - send.Due <= _options.LateAfter ? send.Due : now;
        var step = session.Engine.Fire(send, at);
        Collect(step);
        _metrics.SendFired();
        if (step.Message is not { } message)
        {
            return;
        }
        // Decided: it counts for caps and raises message_sent now, as in the simulator; its outcome waits for the channel.
        var delivered = session.Engine.Delivered(message);
        var sent = delivered.Outcomes[0];
        delivered.Outcomes.Clear();
        var rule = session.Project.Rules.Rules[send.Rule].Name;
        var delivery = MessageDelivery.ToDelivery(message, rule, session.State.Profile(send.Recipient).User);
        _decided.Add(new PendingDelivery(++_decision, delivery, sent));
        Collect(delivered);
    }

    private void Collect(EngineStep step)
    {
        foreach (var outcome in step.Outcomes)
        {
            _outcomes.Add((++_decision, outcome));
        }
        foreach (var warning in step.Warnings)
        {
            if (_warned.Add(warning))
            {
                _log.LogWarning("{Warning}", warning);
            }
        }
        _metrics.Conversions(step.Conversions.Count);
        // message_sent is processed right after its sent outcome, before other work of the same instant (§11).
        foreach (var followUp in step.FollowUps)
        {
            Collect(_session!.Engine.Ingest(followUp, ++_order));
        }
    }

    private void Commit()
    {
        // Durable (synced) only when it decided messages, which go to their channels as soon as it commits; any other
        // pass lost to a power failure is done again from the inbox, and nothing outside the database saw it
        // (docs/runtime.md, Crashes).
        using (var pass = _store.BeginPass(durable: _decided.Count > 0))
        {
            _session!.State.Flush(pass);
            foreach (var report in _answered)
            {
                var delivered = report.Result.Status == DeliveryStatus.Delivered;
                _outcomes.Add((report.Delivery.Decision,
                    delivered ? report.Delivery.Sent : report.Delivery.Failed(report.Result.Detail ?? "the channel gave no reason")));
                if (!delivered)
                {
                    pass.DeadLetter(report.Delivery.Stored(), $"{report.Result.Status} after {report.Attempts} attempts: {report.Result.Detail}",
                        _clock.GetUtcNow());
                }
                pass.Answered(report.Delivery.Key);
            }
            foreach (var (decision, outcome) in _outcomes)
            {
                OutcomeRows.Write(pass, decision, outcome);
            }
            foreach (var delivery in _decided)
            {
                pass.Decided(delivery.Stored());
            }
            pass.Commit(new LoopCounters(_processed, _order, _session.Engine.LastPendingId, _decision));
        }
        _metrics.Committed(_outcomes);
        _inFlight -= _answered.Count;
        foreach (var delivery in _decided)
        {
            Hand(delivery);
        }
        _outcomes.Clear();
        _decided.Clear();
        _answered.Clear();
    }

    private void Hand(PendingDelivery delivery)
    {
        _inFlight++;
        _deliveries.Enqueue(delivery);
    }

    /// <summary>After a failed pass: the memory is ahead of the database, so it is loaded again from what was committed.</summary>
    private void Recover()
    {
        foreach (var report in _answered)
        {
            _reports.Enqueue(report);
        }
        _outcomes.Clear();
        _decided.Clear();
        _answered.Clear();
        try
        {
            Begin(_session!.Project);
        }
        catch (Exception e)
        {
            _log.LogError(e, "the committed state could not be read back; retrying");
        }
    }
}
