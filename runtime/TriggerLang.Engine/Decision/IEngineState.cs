using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// What the decision core remembers between decisions. The simulator keeps it
/// in memory (<see cref="MemoryState"/>); the live runtime keeps it in its
/// database. The core decides what to keep and for how long (<see cref="RuleBook"/>);
/// a store only holds it.
/// </summary>
public interface IEngineState
{
    /// <summary>The user's profile; a user never seen before gets an empty one (§11).</summary>
    Profile Profile(string userId);

    void AddFollow(string follower, string followee);

    /// <summary>
    /// The profiles of who follows the user, sorted by id (ordinal), each once; a follower never seen otherwise has the
    /// empty profile of §11, as <see cref="Profile"/> would give.
    /// </summary>
    IReadOnlyList<Profile> Followers(string userId);

    /// <summary>Keeps an event for look-backs (<c>unless … within</c>, goals).</summary>
    void Remember(EventRecord e);

    /// <summary>The user's remembered events of that name, oldest first; valid until the state is next changed.</summary>
    ReadOnlySpan<EventRecord> History(string userId, string eventName);

    /// <summary>
    /// A send to <paramref name="userId"/> was delivered. <paramref name="trigger"/> is its trigger event, which the
    /// message itself keeps only when a goal needs it (<see cref="SentMessage.Trigger"/>): a store that writes sends whole
    /// takes it from here.
    /// </summary>
    void RecordSend(string userId, SentMessage message, EventRecord trigger);

    /// <summary>The user's sends still remembered, oldest first; valid until the state is next changed.</summary>
    ReadOnlySpan<SentMessage> Sends(string userId);

    /// <summary>
    /// The time of the user's last send of a rule with <c>once</c> or <c>reeligible after</c>, kept forever
    /// (<see cref="RuleBook.KeepsLastSend"/>); a store need not keep it for other rules.
    /// </summary>
    DateTimeOffset? LastSend(int rule, string userId);

    void AddPending(PendingSend send);

    void RemovePending(PendingSend send);

    /// <summary>
    /// The user's pending sends that an event may cancel, those of rules with a plain <c>unless</c>
    /// (<see cref="RuleBook.IsCancellable"/>; a store may give others too), in no particular order; valid until the state
    /// is next changed.
    /// </summary>
    ReadOnlySpan<PendingSend> PendingFor(string userId);

    /// <summary>
    /// The engine changed a pending send in place: an exception candidate or a digest event was added. A memory
    /// store has nothing to do; a durable one writes the send again.
    /// </summary>
    void PendingChanged(PendingSend send);

    /// <summary>A goal was attributed to the user's send at <paramref name="index"/> in <see cref="Sends"/>: sets its <see cref="SentMessage.Converted"/>.</summary>
    void MarkConverted(string userId, int index);

    /// <summary>The open digest send of a rule for a recipient and a digest time, if any.</summary>
    PendingSend? DigestFor(int rule, Profile recipient, DateTimeOffset digestTime);

    /// <summary>
    /// Forgets what the rules no longer need at <paramref name="now"/>: remembered events older than their name's
    /// retention and sends older than their rule's (<see cref="RuleBook.EventRetentionOf"/>, <see cref="RuleBook.SendRetentionOf"/>
    /// of the rules the state was made for). A store may keep more (the longest retentions for everything, say), never less.
    /// </summary>
    void Forget(DateTimeOffset now);
}
