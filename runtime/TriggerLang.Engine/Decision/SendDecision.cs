using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Rendering;
using TriggerLang.Engine.Time;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// §7 step 6: at the due time, the checks in their fixed order — inactive,
/// exception, unsubscribed / no_address, not_reeligible, capped — and the first
/// that fails is the outcome; otherwise the message is rendered and handed to
/// the host for delivery.
/// </summary>
internal sealed class SendDecision(RuleBook rules, IRuleEvaluators evaluators, IEngineState state, MessageRenderer renderer, ZoneResolver zones,
    ClauseClock clock)
{
    public void Decide(PendingSend send, DateTimeOffset now, EngineStep step, Action<PendingSend, DateTimeOffset> reschedule)
    {
        var rule = rules.Rules[send.Rule];
        var time = now > send.Due ? now : send.Due;
        if (!IsInsideWindow(rule, send, time, step, reschedule))
        {
            return;
        }
        var profile = state.Profile(send.Recipient);
        if (rule.ActiveUntil is { } until && time >= until)
        {
            send.Explanation?.Add($"the rule's `active` period ended at {IsoTime.Format(until)}");
            step.Outcomes.Add(Unsent(send, time, OutcomeReason.Inactive, null));
            return;
        }
        if (Exception(send, rule, profile.User, time) is { } exception)
        {
            send.Explanation?.Add($"exception: {exception.Name} {exception.Id} at {IsoTime.Format(exception.Time)}");
            step.Outcomes.Add(Unsent(send, time, OutcomeReason.Exception, null));
            return;
        }
        var route = ChannelRoute.Choose(rule, profile, rules.Model.Schema.User, explain: send.Explanation is not null);
        if (route.Reason is { } unreachable)
        {
            send.Explanation?.Add(route.Why!);
            step.Outcomes.Add(Unsent(send, time, unreachable, route.Channel));
            return;
        }
        send.Explanation?.Add(route.Why ?? $"channel {route.Channel}");
        if (!IsReeligible(send, rule, time, out var last))
        {
            send.Explanation?.Add(NotReeligibleWhy(send, rule, last));
            step.Outcomes.Add(Unsent(send, time, OutcomeReason.NotReeligible, route.Channel));
            return;
        }
        if (Caps.Exceeded(send, rule, route.Channel, time, rules.Model.Limits, state) is { } cap)
        {
            send.Explanation?.Add(cap.Describe(send.Recipient));
            step.Outcomes.Add(Unsent(send, time, OutcomeReason.Capped, route.Channel));
            return;
        }
        var scope = new RenderScope(profile.User, send.Trigger, send.Digest?.Events, send.Digest?.Count);
        var rendered = renderer.Render(rule, rule.Sends[route.Index], scope);
        if (!rendered.Succeeded)
        {
            send.Explanation?.Add($"rendering failed: {rendered.Failure}");
            step.Outcomes.Add(Unsent(send, time, OutcomeReason.RenderFailed, route.Channel) with { Status = OutcomeStatus.Failed, Detail = rendered.Failure });
            return;
        }
        step.Message = new OutgoingMessage(send, time, route.Channel, rendered.Fields, rule.Name);
    }

    /// <summary>An outcome that is not <c>sent</c>; its channel is the one it would have used, else the rule's first (§11).</summary>
    public Outcome Unsent(PendingSend send, DateTimeOffset time, OutcomeReason reason, string? channel)
    {
        var rule = rules.Rules[send.Rule];
        return new Outcome(time, rule.Name, send.Recipient, channel ?? rule.Sends[0].Channel.Name, OutcomeStatus.Suppressed, reason,
            send.Trigger.Id, [], send.Explained);
    }

    /// <summary>
    /// A send is due inside its window by construction; it can be outside only
    /// when it fires late (the host was down: a missed 20:55 send must not go at
    /// 03:00) or for a digest, whose time the window has not seen yet.
    /// </summary>
    private bool IsInsideWindow(BoundRule rule, PendingSend send, DateTimeOffset time, EngineStep step, Action<PendingSend, DateTimeOffset> reschedule)
    {
        if (rule.Window is not { } window)
        {
            return true;
        }
        var zone = zones.For(window.Zone, send.Zone);
        if (clock.Contains(window, zone, time))
        {
            return true;
        }
        if (window.ElseDrop)
        {
            send.Explanation?.Add($"window {ClauseText.Window(window)}: {IsoTime.Format(time)} is outside, and the rule says `else drop`");
            step.Outcomes.Add(Unsent(send, time, OutcomeReason.OutsideWindow, null));
            return false;
        }
        var opening = clock.Defer(window, zone, time);
        send.Explanation?.Add($"window {ClauseText.Window(window)}: {IsoTime.Format(time)} is outside, deferred to {IsoTime.Format(opening)}");
        reschedule(send, opening);
        return false;
    }

    /// <summary>
    /// The first exception event that cancels the send: a plain <c>unless F</c>
    /// counts an F after the trigger up to the send time; <c>unless F within D</c>
    /// one in [send time − D, send time], never the trigger itself (§11).
    /// </summary>
    private EventRecord? Exception(PendingSend send, BoundRule rule, UserRecord user, DateTimeOffset time)
    {
        if (send.ExceptionCandidatesOrNull is { } candidates)
        {
            foreach (var (unless, candidate) in candidates)
            {
                if (candidate.Time <= time && evaluators.UnlessWhere(send.Rule, unless, send.Trigger, candidate, user, time))
                {
                    return candidate;
                }
            }
        }
        for (var k = 0; k < rule.Unless.Length; k++)
        {
            if (rule.Unless[k].Within is not { } within)
            {
                continue;
            }
            foreach (var candidate in state.History(send.Recipient, rule.Unless[k].Event.Name))
            {
                if (candidate.Id != send.Trigger.Id
                    && candidate.Time >= time - within && candidate.Time <= time
                    && evaluators.UnlessWhere(send.Rule, k, send.Trigger, candidate, user, time))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>Whether the rule may go to the recipient again at <paramref name="time"/>; if not, <paramref name="last"/> is when it last went.</summary>
    private bool IsReeligible(PendingSend send, BoundRule rule, DateTimeOffset time, out DateTimeOffset last)
    {
        last = default;
        if (rule.Reeligibility.Kind == ReeligibilityKind.Always || state.LastSend(send.Rule, send.Recipient) is not { } sent)
        {
            return true;
        }
        last = sent;
        return rule.Reeligibility.Kind != ReeligibilityKind.Once && time - last >= rule.Reeligibility.After!.Value;
    }

    // Only when explaining: the text was most of what a refusal allocated.
    private static string NotReeligibleWhy(PendingSend send, BoundRule rule, DateTimeOffset last)
    {
        if (rule.Reeligibility.Kind == ReeligibilityKind.Once)
        {
            return $"`once`: {send.Recipient} already got it at {IsoTime.Format(last)}";
        }
        var after = rule.Reeligibility.After!.Value;
        return $"`reeligible after {ClauseText.Duration(after)}`: last sent at {IsoTime.Format(last)}, eligible again at {IsoTime.Format(last + after)}";
    }
}
