using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Records;
using TriggerLang.Engine.Rendering;
using TriggerLang.Engine.Time;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The decision core of LANGUAGE.md §7 and §11, shared by the simulator and the
/// live runtime. It holds no clock: every call says what time it is (an event's
/// own time, a send's due time), and all it remembers lives in an
/// <see cref="IEngineState"/>. Hosts feed it input records in time order
/// (<see cref="Apply(UserInput)"/>, <see cref="Apply(FollowInput)"/>,
/// <see cref="Ingest"/>), fire pending sends when they come due
/// (<see cref="Fire"/>), deliver the messages it hands out and report back
/// (<see cref="Delivered"/>, <see cref="DeliveryFailed"/>).
/// </summary>
public sealed class DecisionEngine
{
    private readonly IRuleEvaluators _evaluators;
    private readonly IEngineState _state;
    private readonly ZoneResolver _zones;
    private readonly ClauseClock _clock = new();
    private readonly SendDecision _sends;
    private readonly MessageSentEvents _messageSent;
    private readonly Recipients _recipients;
    private readonly bool _explain;
    private readonly Action<PendingSend, DateTimeOffset> _reschedule;
    private long _nextPendingId;

    /// <param name="explain">Keep, with every outcome, the chain of decisions that led to it (costs time: off in production paths).</param>
    /// <param name="lastPendingId">The highest <see cref="PendingSend.Id"/> given out before (a host that restarts from its store).</param>
    public DecisionEngine(RuleBook rules, IRuleEvaluators evaluators, IEngineState state, MessageRenderer renderer, bool explain = false,
        long lastPendingId = 0)
    {
        _nextPendingId = lastPendingId;
        _explain = explain;
        _reschedule = Reschedule; // one delegate, not one per fired send
        Rules = rules;
        _evaluators = evaluators;
        _state = state;
        _zones = new ZoneResolver(rules.Model.Settings.TimeZone);
        _messageSent = new MessageSentEvents(evaluators);
        _recipients = new Recipients(evaluators, state);
        _sends = new SendDecision(rules, evaluators, state, renderer, _zones, _clock);
    }

    public RuleBook Rules { get; }

    public IEngineState State => _state;

    /// <summary>The highest <see cref="PendingSend.Id"/> given out so far: what a durable host keeps to restart with.</summary>
    public long LastPendingId => _nextPendingId;

    public void Apply(UserInput update) => _state.Profile(update.UserId).Apply(update);

    public void Apply(FollowInput follow)
    {
        _state.AddFollow(follow.Follower, follow.Followee);
        _recipients.FollowsChanged();
    }

    /// <summary>
    /// An event arrives (§7 steps 1–5): it may cancel pending sends (plain
    /// <c>unless</c>), reach a goal, and trigger rules. <paramref name="order"/>
    /// is its position in the input, which orders the work it creates.
    /// </summary>
    public EngineStep Ingest(EventRecord e, long order)
    {
        var step = new EngineStep();
        Ingest(e, order, step);
        return step;
    }

    /// <summary><see cref="Ingest(EventRecord, long)"/> into a step the host reuses.</summary>
    internal void Ingest(EventRecord e, long order, EngineStep step)
    {
        OfferAsException(e);
        if (Rules.Remembers(e.Name))
        {
            _state.Remember(e);
        }
        AttributeGoals(e, step);
        if (_messageSent.StopsChain(e, step))
        {
            return;
        }
        // Indexed loops here and below: foreach over an IReadOnlyList boxes its enumerator, per event.
        var triggered = Rules.TriggeredBy(e.Name);
        for (var i = 0; i < triggered.Count; i++)
        {
            Trigger(triggered[i], e, order, step);
        }
    }

    /// <summary>A pending send comes due (§7 step 6); <paramref name="now"/> is later than its due time only when the host was down.</summary>
    public EngineStep Fire(PendingSend send, DateTimeOffset now)
    {
        var step = new EngineStep();
        Fire(send, now, step);
        return step;
    }

    /// <summary><see cref="Fire(PendingSend, DateTimeOffset)"/> into a step the host reuses.</summary>
    internal void Fire(PendingSend send, DateTimeOffset now, EngineStep step)
    {
        _state.RemovePending(send);
        _sends.Decide(send, now, step, _reschedule);
    }

    /// <summary>The host delivered the message: it becomes a <c>sent</c> outcome and a <c>message_sent</c> event.</summary>
    public EngineStep Delivered(OutgoingMessage message)
    {
        var step = new EngineStep();
        Delivered(message, step);
        return step;
    }

    /// <summary><see cref="Delivered(OutgoingMessage)"/> into a step the host reuses.</summary>
    internal void Delivered(OutgoingMessage message, EngineStep step)
    {
        var send = message.Send;
        var rule = Rules.Rules[send.Rule];
        var trigger = send.Trigger;
        _state.RecordSend(send.Recipient, SentMessage.Of(Rules, send.Rule, message.Channel, message.Time, rule.IsTransactional, trigger), trigger);
        send.Explanation?.Add($"delivered through {message.Channel}");
        step.Outcomes.Add(new Outcome(message.Time, rule.Name, send.Recipient, message.Channel, OutcomeStatus.Sent, null, send.Trigger.Id,
            message.Fields, send.Explained));
        if (Rules.RaisesMessageSent(send.Rule))
        {
            step.FollowUps.Add(_messageSent.Create(rule.Name, message.Channel, send, message.Time));
        }
    }

    /// <summary>The host gave up delivering the message (after its last retry).</summary>
    public EngineStep DeliveryFailed(OutgoingMessage message, string why)
    {
        var step = new EngineStep();
        var send = message.Send;
        send.Explanation?.Add($"delivery through {message.Channel} failed: {why}");
        step.Outcomes.Add(new Outcome(message.Time, Rules.Rules[send.Rule].Name, send.Recipient, message.Channel, OutcomeStatus.Failed,
            OutcomeReason.DeliveryFailed, send.Trigger.Id, [], send.Explained, why));
        return step;
    }

    /// <summary>Forgets what no rule can need any more at <paramref name="now"/> (§ memory bounded by the rules).</summary>
    public void Forget(DateTimeOffset now) => _state.Forget(now);

    /// <summary>Plain <c>unless F</c>: an F for a recipient with a pending send of that rule is kept with it, to be checked at the due time.</summary>
    private void OfferAsException(EventRecord e)
    {
        var clauses = Rules.CancelledBy(e.Name);
        if (clauses.Count == 0)
        {
            return;
        }
        foreach (var pending in _state.PendingFor(e.UserId))
        {
            for (var i = 0; i < clauses.Count; i++)
            {
                var (rule, unless) = clauses[i];
                if (pending.Rule == rule)
                {
                    pending.ExceptionCandidates.Add((unless, e));
                    _state.PendingChanged(pending);
                }
            }
        }
    }

    /// <summary>
    /// <c>goal G within D</c>: a G event is attributed to the most recent send of
    /// the rule to that user within D before it that its <c>where</c> accepts,
    /// and each send converts at most once.
    /// </summary>
    private void AttributeGoals(EventRecord e, EngineStep step)
    {
        var goals = Rules.GoalsOn(e.Name);
        for (var g = 0; g < goals.Count; g++)
        {
            var r = goals[g];
            var goal = Rules.Rules[r].Goal!;
            var user = _state.Profile(e.UserId).User;
            var sends = _state.Sends(e.UserId);
            var now = e.Time.UtcTicks;
            for (var i = sends.Length - 1; i >= 0; i--)
            {
                ref readonly var sent = ref sends[i];
                if (now - sent.UtcTicks > goal.Within.Ticks)
                {
                    // Sends are kept in time order: every one further back is older still.
                    break;
                }
                if (sent.Rule != r || sent.Converted || sent.UtcTicks > now)
                {
                    continue;
                }
                // The trigger is null only when the goal's where does not read it (RuleBook.SendKeepsTrigger).
                if (_evaluators.GoalWhere(r, sent.Trigger!, e, user, e.Time))
                {
                    step.Conversions.Add(new Conversion(Rules.Rules[r].Name, e.UserId, sent.Channel, sent.Time, sent.TriggerId, e.Id, e.Time));
                    _state.MarkConverted(e.UserId, i);
                    break;
                }
            }
        }
    }

    private void Trigger(int r, EventRecord e, long order, EngineStep step)
    {
        var rule = Rules.Rules[r];
        if (_messageSent.IsOwn(rule, e) || !IsActiveAt(rule, e.Time))
        {
            return;
        }
        // A where that does not read the recipient answers alike for all of them: asked once, with the event's user.
        var whereAsked = !Rules.WhereReadsRecipient(r);
        if (whereAsked && !_evaluators.Where(r, e, _state.Profile(e.UserId).User, e.Time))
        {
            return;
        }
        var recipients = _recipients.Of(r, rule, e);
        for (var i = 0; i < recipients.Count; i++)
        {
            var (recipient, profile) = recipients[i];
            Address(r, rule, e, order, recipient, profile ?? _state.Profile(recipient), whereAsked, step);
        }
    }

    /// <summary>
    /// The triggered rule's work for one recipient whom its <c>where</c> accepts (already asked when
    /// <paramref name="whereAsked"/>): a digest entry or a pending send.
    /// </summary>
    private void Address(int r, BoundRule rule, EventRecord e, long order, string recipient, Profile profile, bool whereAsked, EngineStep step)
    {
        if (!whereAsked && !_evaluators.Where(r, e, profile.User, e.Time))
        {
            return;
        }
        var zone = _zones.ForProfile(profile);
        if (zone.Warning is { } warning)
        {
            step.Warnings.Add(warning);
        }
        var explanation = _explain ? new List<string> { $"{IsoTime.Format(e.Time)} {e.Name} {e.Id} for {e.UserId} triggered {rule.Name} for {recipient}" } : null;
        if (rule.Digest is { } digest)
        {
            CollectForDigest(r, rule, digest, e, order, recipient, profile, zone, explanation);
        }
        else
        {
            Schedule(r, rule, e, order, recipient, profile, zone, explanation, step);
        }
    }

    private static bool IsActiveAt(BoundRule rule, DateTimeOffset time) =>
        (rule.ActiveFrom is not { } from || time >= from) && (rule.ActiveUntil is not { } until || time < until);

    /// <summary>§7 step 5: the send time after <c>delay</c>, then moved (or refused) by the <c>window</c>.</summary>
    private void Schedule(int r, BoundRule rule, EventRecord e, long order, string recipient, Profile profile, RecipientZone zone,
        List<string>? explanation, EngineStep step)
    {
        var due = e.Time;
        if (rule.Delay is { } delay)
        {
            due = delay.Duration is { } duration
                ? e.Time + duration
                : _clock.NextAt(e.Time, delay, _zones.For(delay.Zone, zone));
            explanation?.Add(delay.Duration is { } d
                ? $"delay {ClauseText.Duration(d)}: due {IsoTime.Format(due)}"
                : $"delay until {ClauseText.Clock(delay.Until!.Value)} {delay.Zone}: due {IsoTime.Format(due)}");
        }
        // The id is taken here, before the window is looked at, so that a dropped send uses one up as before.
        var id = ++_nextPendingId;
        if (rule.Window is { } window && !_clock.Contains(window, _zones.For(window.Zone, zone), due))
        {
            if (window.ElseDrop)
            {
                explanation?.Add($"window {ClauseText.Window(window)}: {IsoTime.Format(due)} is outside, and the rule says `else drop`");
                var dropped = new PendingSend(id, r, recipient, e, order, due, zone.Zone) { Explanation = explanation };
                step.Outcomes.Add(_sends.Unsent(dropped, due, OutcomeReason.OutsideWindow, channel: null));
                return;
            }
            var opening = _clock.Defer(window, _zones.For(window.Zone, zone), due);
            explanation?.Add($"window {ClauseText.Window(window)}: {IsoTime.Format(due)} is outside, deferred to {IsoTime.Format(opening)}");
            due = opening;
        }
        _state.AddPending(new PendingSend(id, r, recipient, e, order, due, zone.Zone) { Owner = profile.Entry, Explanation = explanation });
    }

    /// <summary>§7 step 4: a digest rule adds the event to the recipient's batch for the next digest time.</summary>
    private void CollectForDigest(int r, BoundRule rule, DigestSpec digest, EventRecord e, long order, string recipient, Profile profile,
        RecipientZone zone, List<string>? explanation)
    {
        var at = _clock.NextDigest(e.Time, digest, _zones.For(digest.Zone, zone));
        if (_state.DigestFor(r, profile, at) is { Digest: { } batch } open)
        {
            batch.Add(e);
            _state.PendingChanged(open);
            open.Explanation?.Add($"{IsoTime.Format(e.Time)} {e.Name} {e.Id} added to the digest ({batch.Count} events)");
            return;
        }
        var newBatch = new DigestBatch(at, digest.Max);
        newBatch.Add(e);
        explanation?.Add($"digest: collected for {IsoTime.Format(at)}");
        _state.AddPending(new PendingSend(++_nextPendingId, r, recipient, e, order, at, zone.Zone)
        {
            Owner = profile.Entry,
            Digest = newBatch,
            Explanation = explanation,
        });
    }

    /// <summary>A send that cannot go at its due time and waits for the window to open (a digest, or a send fired late).</summary>
    private void Reschedule(PendingSend send, DateTimeOffset due) =>
        _state.AddPending(new PendingSend(++_nextPendingId, send.Rule, send.Recipient, send.Trigger, send.TriggerOrder, due, send.Zone)
        {
            Owner = send.Owner,
            Digest = send.Digest,
            Explanation = send.Explanation,
        });
}
