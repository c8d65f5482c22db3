using TriggerLang.Compiler.Semantics;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// Who a triggered rule addresses (§3 <c>to</c>): the event's user by default;
/// <c>to followers(x)</c>, everyone following x at trigger time except x;
/// <c>to x</c>, the user x names (nobody when x is absent). Sorted by id, the
/// order in which their work runs (§11).
/// </summary>
internal static class Recipients
{
    public static RecipientList Of(int rule, BoundRule bound, EventRecord trigger, IRuleEvaluators evaluators, IEngineState state)
    {
        switch (bound.Audience.Kind)
        {
            case AudienceKind.Followers:
                var actor = evaluators.Audience(rule, trigger, state.Profile(trigger.UserId).User, trigger.Time);
                return actor is null ? default : new RecipientList(FollowersOf(actor, state));
            case AudienceKind.User:
                return new RecipientList(evaluators.Audience(rule, trigger, state.Profile(trigger.UserId).User, trigger.Time));
            default:
                return new RecipientList(trigger.UserId);
        }
    }

    // Without LINQ: its closure, iterators and intermediate arrays came on every trigger of a followers rule.
    private static string[] FollowersOf(string actor, IEngineState state)
    {
        var all = state.Followers(actor);
        var followers = new string[all.Count];
        var count = 0;
        foreach (var follower in all)
        {
            if (follower != actor)
            {
                followers[count++] = follower;
            }
        }
        Array.Resize(ref followers, count);
        Array.Sort(followers, StringComparer.Ordinal);
        return followers;
    }
}

/// <summary>
/// The recipients of one trigger: none, one held in place, or many. Most rules address one user (the event's own),
/// and a list of one per trigger was 4% of what a simulation allocated.
/// </summary>
internal readonly struct RecipientList
{
    private readonly string? _one;
    private readonly string[]? _many;

    /// <param name="one">The one recipient, or null for none.</param>
    public RecipientList(string? one) => _one = one;

    public RecipientList(string[] many) => _many = many;

    public int Count => _many?.Length ?? (_one is null ? 0 : 1);

    public string this[int index] => _many is { } many ? many[index] : index == 0 && _one is { } one ? one : throw new ArgumentOutOfRangeException(nameof(index));
}
