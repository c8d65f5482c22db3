using TriggerLang.Compiler.Semantics;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// Who a triggered rule addresses (§3 <c>to</c>): the event's user by default;
/// <c>to followers(x)</c>, everyone following x at trigger time except x;
/// <c>to x</c>, the user x names (nobody when x is absent). Sorted by id, the
/// order in which their work runs (§11).
/// </summary>
internal sealed class Recipients(IRuleEvaluators evaluators, IEngineState state)
{
    // The followers of the trigger being addressed, reused trigger after trigger: a list is read only until the next
    // trigger's (the engine addresses one trigger at a time), and an array per fan-out was a sixtieth of what a
    // simulation allocated.
    private Profile[] _followers = [];
    // The trigger and actor they were listed for: the rules of one event that fan out to one actor's followers (a
    // project's variants of one rule) list them once. Forgotten when a follow is added (FollowsChanged).
    private EventRecord? _listedFor;
    private string? _listedActor;
    private int _listed;

    /// <summary>The recipients of a trigger, valid until the next call.</summary>
    public RecipientList Of(int rule, BoundRule bound, EventRecord trigger)
    {
        switch (bound.Audience.Kind)
        {
            case AudienceKind.Followers:
                var actor = evaluators.Audience(rule, trigger, state.Profile(trigger.UserId).User, trigger.Time);
                return actor is null ? default : FollowersOf(trigger, actor);
            case AudienceKind.User:
                return new RecipientList(evaluators.Audience(rule, trigger, state.Profile(trigger.UserId).User, trigger.Time));
            default:
                return new RecipientList(trigger.UserId);
        }
    }

    /// <summary>A follow was added: followers listed before may be out of date.</summary>
    public void FollowsChanged() => _listedFor = null;

    // Without LINQ: its closure, iterators and intermediate arrays came on every trigger of a followers rule.
    private RecipientList FollowersOf(EventRecord trigger, string actor)
    {
        if (ReferenceEquals(trigger, _listedFor) && actor == _listedActor)
        {
            return new RecipientList(_followers, _listed);
        }
        var all = state.Followers(actor);
        if (_followers.Length < all.Count)
        {
            _followers = new Profile[Math.Max(all.Count, 2 * _followers.Length)];
        }
        // Already in id order (IEngineState.Followers).
        var count = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].User.Id != actor)
            {
                _followers[count++] = all[i];
            }
        }
        (_listedFor, _listedActor, _listed) = (trigger, actor, count);
        return new RecipientList(_followers, count);
    }
}

/// <summary>
/// The recipients of one trigger: none, one held in place, or many. Most rules address one user (the event's own),
/// and a list of one per trigger was 4% of what a simulation allocated. A fan-out's recipients come with their profiles,
/// which the state keeps with its follower lists: looking each one up by id again was about 4% of a simulation.
/// </summary>
internal readonly struct RecipientList
{
    private readonly string? _one;
    private readonly Profile[]? _many;
    private readonly int _count;

    /// <param name="one">The one recipient, or null for none.</param>
    public RecipientList(string? one) => (_one, _count) = (one, one is null ? 0 : 1);

    /// <param name="many">The recipients, in its first <paramref name="count"/> items.</param>
    public RecipientList(Profile[] many, int count) => (_many, _count) = (many, count);

    public int Count => _count;

    /// <summary>A recipient's id, with their profile when the list holds it (null: look it up).</summary>
    public (string Id, Profile? Profile) this[int index] =>
        (uint)index >= (uint)_count ? throw new ArgumentOutOfRangeException(nameof(index))
        : _many is { } many ? (many[index].User.Id, many[index])
        : (_one!, null);
}
