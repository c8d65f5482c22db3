using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// A send waiting for its due time (§7 step 5): one rule, one recipient, one
/// trigger. Work due at the same instant runs in the order it was created:
/// by trigger (input order, <see cref="TriggerOrder"/>), then rule, then
/// recipient (§11) — <see cref="Order"/> compares exactly that (<see cref="DueKey"/>).
/// </summary>
public sealed class PendingSend(long id, int rule, string recipient, EventRecord trigger, long triggerOrder, DateTimeOffset due, DateTimeZone zone)
{
    /// <summary>Unique and increasing in creation order: the last tie-break, and the key a store keeps it by.</summary>
    public long Id { get; } = id;

    public int Rule { get; } = rule;

    public string Recipient { get; } = recipient;

    /// <summary>The trigger event; for a digest, the batch's first event.</summary>
    public EventRecord Trigger { get; } = trigger;

    public long TriggerOrder { get; } = triggerOrder;

    public DateTimeOffset Due { get; } = due;

    /// <summary>The recipient's zone, read when the send was scheduled (§11).</summary>
    public DateTimeZone Zone { get; } = zone;

    /// <summary>Events that arrived after the trigger and may cancel the send (plain <c>unless F</c>), checked at the due time.</summary>
    public List<(int Unless, EventRecord Event)> ExceptionCandidates => _exceptionCandidates ??= [];

    /// <summary>The candidates, or null while there are none (no list created just to look).</summary>
    internal List<(int Unless, EventRecord Event)>? ExceptionCandidatesOrNull => _exceptionCandidates;

    private List<(int Unless, EventRecord Event)>? _exceptionCandidates;

    /// <summary>
    /// The recipient's entry in the <see cref="MemoryState"/> that holds the send: set when it is added, or before by
    /// the engine from the recipient's profile (<see cref="Profile.Entry"/>). Adding and firing the send, and the checks
    /// that follow, need no lookup by id.
    /// </summary>
    internal UserState? Owner;

    /// <summary>The send's index in <see cref="Owner"/>'s pending list, so that removing it needs no search.</summary>
    internal int OwnerSlot;

    /// <summary>The send's place in its state's <see cref="DueQueue"/>.</summary>
    internal DueMark DueMark;

    /// <summary>Set for a digest send: the events collected for it.</summary>
    public DigestBatch? Digest
    {
        get => _extras?.Digest;
        init
        {
            if (value is not null)
            {
                Extras.Digest = value;
            }
        }
    }

    /// <summary>How this send came to be, step by step; null unless the engine explains (<c>--explain</c>, tests).</summary>
    public List<string>? Explanation
    {
        get
        {
            if (_extras is not { } extras)
            {
                return null;
            }
            if (extras.Explanation is null && !extras.ExplanationJson.IsEmpty)
            {
                extras.Explanation = DecodeLines(extras.ExplanationJson.Span);
                extras.ExplanationJson = default;
            }
            return extras.Explanation;
        }
        init
        {
            if (value is not null)
            {
                Extras.Explanation = value;
            }
        }
    }

    /// <summary>
    /// The explanation as a store kept it, a JSON array of strings in UTF-8, until <see cref="Explanation"/> is first
    /// read (then empty): a restart loads a million pending sends, and two strings each were a third of its heap.
    /// Decoded by the first reader; like the rest of the send, it is used by one thread at a time.
    /// </summary>
    public ReadOnlyMemory<byte> ExplanationJson
    {
        get => _extras?.ExplanationJson ?? default;
        init
        {
            if (!value.IsEmpty)
            {
                Extras.ExplanationJson = value;
            }
        }
    }

    // Only digests and explained sends have these: kept apart, a plain send is a sixth smaller, and there are millions.
    private SendExtras? _extras;

    private SendExtras Extras => _extras ??= new SendExtras();

    private sealed class SendExtras
    {
        public DigestBatch? Digest;
        public List<string>? Explanation;
        public ReadOnlyMemory<byte> ExplanationJson;
    }

    /// <summary>The explanation so far, for an outcome.</summary>
    public ImmutableArray<string> Explained => Explanation is null ? [] : [.. Explanation];

    private static List<string> DecodeLines(ReadOnlySpan<byte> json)
    {
        var lines = new List<string>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            lines.Add(reader.GetString()!);
        }
        return lines;
    }

    public static IComparer<PendingSend> Order { get; } = Comparer<PendingSend>.Create(static (a, b) => new DueKey(a).CompareTo(new DueKey(b)));
}
