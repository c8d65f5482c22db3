using TriggerLang.Compiler.Semantics;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// Who a triggered rule addresses (§3 <c>to</c>): the event's user by default;
/// <c>to followers(x)</c>, everyone following x at trigger time except x;
/// <c>to x</c>, the user x names (nobody when x is absent). Sorted by id, the
/// order in which their work runs (§11). The engine addresses the event's user
/// without asking, to spare a list of one per trigger.
/// </summary>
internal static class Recipients
{
    public static IReadOnlyList<string> Of(int rule, BoundRule bound, EventRecord trigger, IRuleEvaluators evaluators, IEngineState state)
    {
        switch (bound.Audience.Kind)
        {
            case AudienceKind.Followers:
                var actor = evaluators.Audience(rule, trigger, state.Profile(trigger.UserId).User, trigger.Time);
                return actor is null ? [] : FollowersOf(actor, state);
            case AudienceKind.User:
                var single = evaluators.Audience(rule, trigger, state.Profile(trigger.UserId).User, trigger.Time);
                return single is null ? [] : [single];
            default:
                return [trigger.UserId];
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
