using TriggerLang.Runtime.Ingest;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// Where the runtime keeps everything (docs/runtime.md, Storage): the inbox of accepted input, the engine's state, the
/// messages waiting for their channel, the outcomes. Two writers, each on its own thread: the inbox
/// (<see cref="Accept"/>) and the decision loop (<see cref="BeginPass"/>, and the reads that rebuild its memory);
/// each write is one transaction, durable when it returns. The rest are reads for the API and jobs, from any thread.
/// Records arrive as the JSON text of LANGUAGE.md §8 and times as UTC: a store keeps them, it never interprets them.
/// SQLite (<see cref="Sqlite.SqliteStore"/>) is the embedded default; a server database implements the same port.
/// </summary>
internal interface IRuntimeStore
{
    /// <summary>Creates or upgrades the schema; a store written by a newer trig is refused (<see cref="RuntimeStartException"/>).</summary>
    void Migrate();

    /// <summary>
    /// Stores the requests' records in one transaction, in order. An event whose id was accepted before is not stored
    /// again but counted as a duplicate (also within the batch). Each record stored is added to
    /// <paramref name="stored"/> with its inbox seq, in order (only meaningful once the method returns: committed).
    /// </summary>
    Accepted[] Accept(IReadOnlyList<IReadOnlyList<IncomingRecord>> requests, DateTimeOffset received, List<InboxInput> stored);

    /// <summary>Accepted records after <paramref name="after"/>, in acceptance order.</summary>
    IReadOnlyList<InboxRecord> ReadInbox(long after, int limit);

    /// <summary>Every profile, as a §8 user record.</summary>
    IEnumerable<(string Id, string Record)> Profiles();

    IEnumerable<(string Followee, string Follower)> Follows();

    /// <summary>The remembered events, as §8 event records, in the order they were remembered.</summary>
    IEnumerable<string> History();

    IEnumerable<(string Rule, string User, DateTimeOffset Time)> LastSends();

    /// <summary>The sends remembered, in the order they were recorded.</summary>
    IEnumerable<StoredSend> Sends();

    /// <summary>Every pending send, by due time then id; the payload's UTF-8 bytes are valid during the call only.</summary>
    void ReadPending(Action<StoredPending, ReadOnlySpan<byte>> read);

    LoopCounters Counters();

    /// <summary>The messages decided and not yet answered by their channel, in decision order.</summary>
    IEnumerable<StoredDelivery> Unanswered();

    /// <summary>
    /// Starts a decision pass: everything written to it is committed together, or nothing is. A pass that is not
    /// <paramref name="durable"/> survives a crash of the process once committed, but a power loss may roll it back —
    /// together with every pass after it, never one before it, and never the inbox's records (their commits are
    /// durable and make the passes before them durable too). A durable pass is on disk when it commits.
    /// </summary>
    IPass BeginPass(bool durable);

    /// <summary>Every outcome by time, then decision number (the §8 order within an instant is the caller's to finish).</summary>
    IAsyncEnumerable<StoredOutcome> OutcomesByTime(CancellationToken cancellationToken);

    /// <summary>The user's latest outcomes, newest first: the §8 line and the explanation (a JSON array, or null).</summary>
    Task<IReadOnlyList<(string Line, string? Explanation)>> OutcomesOf(string user, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string Rule, DateTimeOffset Due, string Payload)>> PendingOf(string user, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredDelivery>> DeliveriesOf(string user, CancellationToken cancellationToken);

    /// <summary>Forgets event ids accepted before <paramref name="eventIdsBefore"/> and the inbox records already processed.</summary>
    Task PruneAsync(DateTimeOffset eventIdsBefore, CancellationToken cancellationToken);
}

/// <summary>The writes of one decision pass (<see cref="IRuntimeStore.BeginPass"/>); disposing without <see cref="Commit"/> rolls back.</summary>
internal interface IPass : IDisposable
{
    /// <summary>Stores the profile, replacing the one stored.</summary>
    void Profile(string id, string record);

    void Follow(string followee, string follower);

    void Remember(DateTimeOffset time, string record);

    /// <summary>A send, which is also the rule's last send to the user.</summary>
    void Send(StoredSend send);

    void Converted(string rule, string user, DateTimeOffset time, string triggerId);

    /// <summary>Stores the pending send, replacing one with its id.</summary>
    void Pending(StoredPending pending, string payload);

    void DeletePending(long id);

    /// <summary>Forgets remembered events before <paramref name="events"/> and sends before <paramref name="sends"/> (not last sends).</summary>
    void Forget(DateTimeOffset events, DateTimeOffset sends);

    void Outcome(StoredOutcome outcome, string? explanation);

    /// <summary>A message decided; ignored when a message with its key is already waiting.</summary>
    void Decided(StoredDelivery delivery);

    void Answered(string key);

    void DeadLetter(StoredDelivery delivery, string error, DateTimeOffset failed);

    /// <summary>Commits the pass with the loop's counters.</summary>
    void Commit(LoopCounters counters);
}

internal readonly record struct InboxRecord(long Seq, string Record);

internal sealed record StoredSend(string Rule, string User, string Channel, DateTimeOffset Time, bool Transactional, bool Converted, string TriggerId,
    string TriggerRecord);

/// <summary>A pending send's columns; the rest is its JSON payload (<see cref="PendingJson"/>).</summary>
internal sealed record StoredPending(long Id, DateTimeOffset Due, string Rule, string Recipient);

/// <summary>A message waiting for its channel: the SDK delivery and the outcome it becomes, as JSON.</summary>
internal sealed record StoredDelivery(string Key, long Decision, string Channel, string Delivery, string Outcome);

/// <summary>An outcome's sort keys and its §8 line.</summary>
internal sealed record StoredOutcome(long Decision, DateTimeOffset Time, string Rule, string User, string Line);
