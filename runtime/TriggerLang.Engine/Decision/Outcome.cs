using System.Collections.Immutable;

namespace TriggerLang.Engine.Decision;

public enum OutcomeStatus
{
    Sent,
    Suppressed,
    Failed,
}

/// <summary>Why a message was not sent (LANGUAGE.md §7 step 6, in the order the checks run).</summary>
public enum OutcomeReason
{
    Inactive,
    Exception,
    Unsubscribed,
    NoAddress,
    NotReeligible,
    Capped,
    OutsideWindow,
    RenderFailed,
    DeliveryFailed,
}

/// <summary>
/// One decision (LANGUAGE.md §8): <see cref="Time"/> is when the message was due
/// (for <c>outside_window</c>, the send time the window refused);
/// <see cref="Reason"/> is set unless sent; <see cref="Fields"/> only when sent,
/// in the channel's field order. <see cref="Explanation"/> is the chain of
/// decisions that led here, in plain words (shown with <c>--explain</c>).
/// <see cref="Detail"/> says more about a failure (which template limit, which error).
/// </summary>
public sealed record Outcome(
    DateTimeOffset Time,
    string Rule,
    string User,
    string Channel,
    OutcomeStatus Status,
    OutcomeReason? Reason,
    string Trigger,
    ImmutableArray<KeyValuePair<string, string>> Fields,
    ImmutableArray<string> Explanation,
    string? Detail = null);

/// <summary>The names used on the wire: <c>sent</c>, <c>no_address</c>…</summary>
public static class OutcomeNames
{
    public static string Of(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Sent => "sent",
        OutcomeStatus.Suppressed => "suppressed",
        _ => "failed",
    };

    public static string Of(OutcomeReason reason) => reason switch
    {
        OutcomeReason.Inactive => "inactive",
        OutcomeReason.Exception => "exception",
        OutcomeReason.Unsubscribed => "unsubscribed",
        OutcomeReason.NoAddress => "no_address",
        OutcomeReason.NotReeligible => "not_reeligible",
        OutcomeReason.Capped => "capped",
        OutcomeReason.OutsideWindow => "outside_window",
        OutcomeReason.RenderFailed => "render_failed",
        _ => "delivery_failed",
    };
}
