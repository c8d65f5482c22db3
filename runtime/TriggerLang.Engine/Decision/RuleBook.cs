using System.Collections.Immutable;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The project's rules indexed the way the engine looks them up, and what the
/// rules need remembered (§ issue: memory bounded by what the rules use):
/// events only of the names some <c>unless … within</c> looks back at, each name
/// only as long as its longest look-back; a rule's sends only as long as the
/// longest period that counts them (its cap, its goal, and for a rule that is not
/// transactional the longest global limit).
/// </summary>
public sealed class RuleBook
{
    private readonly Dictionary<string, List<int>> _triggeredBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Rule, int Unless)>> _cancelledBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _goalsOn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _lookBack = new(StringComparer.Ordinal);
    private readonly bool[] _sendsKeepTrigger;
    private readonly bool[] _cancellable;
    private readonly TimeSpan[] _sendRetention;
    private readonly bool[] _raisesMessageSent;
    private readonly bool[] _whereReadsRecipient;

    public RuleBook(SemanticModel model)
    {
        Model = model;
        Rules = model.Rules;
        _sendsKeepTrigger = new bool[Rules.Length];
        _cancellable = new bool[Rules.Length];
        _sendRetention = new TimeSpan[Rules.Length];
        _whereReadsRecipient = new bool[Rules.Length];
        var longestLimit = TimeSpan.Zero;
        foreach (var limit in model.Limits)
        {
            longestLimit = Max(longestLimit, limit.Period);
        }
        for (var r = 0; r < Rules.Length; r++)
        {
            var rule = Rules[r];
            Add(_triggeredBy, rule.Trigger!.Name, r);
            _whereReadsRecipient[r] = rule.Where is { } where && Reads(where, RecordRoot.User);
            for (var k = 0; k < rule.Unless.Length; k++)
            {
                var unless = rule.Unless[k];
                if (unless.Within is { } within)
                {
                    _lookBack[unless.Event.Name] = Max(_lookBack.GetValueOrDefault(unless.Event.Name), within);
                }
                else
                {
                    Add(_cancelledBy, unless.Event.Name, (r, k));
                    _cancellable[r] = true;
                }
            }
            // `reeligible after` needs only the last send's time, which is kept apart and forever (`once`).
            var retention = Max(rule.IsTransactional ? TimeSpan.Zero : longestLimit, rule.Cap?.Period ?? TimeSpan.Zero);
            if (rule.Goal is { } goal)
            {
                Add(_goalsOn, goal.Event.Name, r);
                _sendsKeepTrigger[r] = goal.Where is { } goalWhere && Reads(goalWhere, RecordRoot.Trigger);
                retention = Max(retention, goal.Within);
            }
            _sendRetention[r] = retention;
        }
        _raisesMessageSent = WhoseMessageSentIsSeen(Rules);
        EventRetention = _lookBack.Values.DefaultIfEmpty(TimeSpan.Zero).Max();
        SendRetention = _sendRetention.DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    public SemanticModel Model { get; }

    /// <summary>In execution order: files sorted by path, rules in source order; the index is the evaluator's rule number.</summary>
    public ImmutableArray<BoundRule> Rules { get; }

    /// <summary>The longest an event is remembered (<see cref="EventRetentionOf"/>): for a store that forgets all names at once.</summary>
    public TimeSpan EventRetention { get; }

    /// <summary>The longest a send is remembered (<see cref="SendRetentionOf"/>): for a store that forgets all rules' sends at once.</summary>
    public TimeSpan SendRetention { get; }

    /// <summary>How long events of this name are needed: the longest <c>unless … within</c> that looks back at them (zero: never).</summary>
    public TimeSpan EventRetentionOf(string eventName) => _lookBack.GetValueOrDefault(eventName);

    /// <summary>
    /// How long a send of this rule is needed: the longest period that counts it. Keeping a send longer never changes a
    /// decision (every check looks back no further than its own period), so a store may keep more, never less.
    /// </summary>
    public TimeSpan SendRetentionOf(int rule) => _sendRetention[rule];

    // The empty answers are shared arrays: a bare `[]` beside a List would be a new List on every event.
    public IReadOnlyList<int> TriggeredBy(string eventName) => _triggeredBy.TryGetValue(eventName, out var list) ? list : Array.Empty<int>();

    /// <summary>
    /// Whether the rule has a plain <c>unless F</c>, so that an F may cancel its pending sends (<see cref="CancelledBy"/>):
    /// only such sends need to be found by recipient (<see cref="IEngineState.PendingFor"/>).
    /// </summary>
    public bool IsCancellable(int rule) => _cancellable[rule];

    /// <summary>The plain <c>unless F</c> clauses (no <c>within</c>) that an event named <paramref name="eventName"/> may trigger.</summary>
    public IReadOnlyList<(int Rule, int Unless)> CancelledBy(string eventName) =>
        _cancelledBy.TryGetValue(eventName, out var list) ? list : Array.Empty<(int, int)>();

    public IReadOnlyList<int> GoalsOn(string eventName) => _goalsOn.TryGetValue(eventName, out var list) ? list : Array.Empty<int>();

    /// <summary>
    /// Whether a <see cref="SentMessage"/> of the rule must keep its trigger event: only a goal's <c>where</c> reads it
    /// after the send (the rest needs its id alone). Most sends do not, and a kept event lives as long as the send is
    /// remembered (the longest cap or goal period: a week or more), which made sends the bulk of what the GC walked.
    /// </summary>
    public bool SendKeepsTrigger(int rule) => _sendsKeepTrigger[rule];

    /// <summary>
    /// Whether the time of the rule's last send to a user must be kept (forever): only <c>once</c> and
    /// <c>reeligible after</c> read it, and memory that kept it for every rule held an entry per (rule, user) ever sent.
    /// The runtime's store still keeps them all, so that a rule given <c>once</c> on a reload knows the sends before it.
    /// </summary>
    public bool KeepsLastSend(int rule) => Rules[rule].Reeligibility.Kind != ReeligibilityKind.Always;

    /// <summary>
    /// Whether the rule's sends raise <c>message_sent</c> events (§11): only when some rule could see them. An event no
    /// rule triggers on, cancels with or converts on changes no outcome. In the simulation benchmark's project, whose rules
    /// on <c>message_sent</c> each require one rule's name, 757k of its 781k were made and ingested for nothing (two
    /// fifths of all the events it read or made).
    /// </summary>
    public bool RaisesMessageSent(int rule) => _raisesMessageSent[rule];

    /// <summary>
    /// Whether the rule's <c>where</c> reads its recipient (their fields or id). One that does not gives every recipient
    /// of a trigger the same answer, so it is asked once per trigger, before a fan-out's followers are listed: a fan-out
    /// whose trigger fails it costs no look at any follower.
    /// </summary>
    public bool WhereReadsRecipient(int rule) => _whereReadsRecipient[rule];

    /// <summary>Whether events of this name must be remembered for an <c>unless … within</c> look-back.</summary>
    public bool Remembers(string eventName) => _lookBack.ContainsKey(eventName);

    /// <summary>
    /// Whether the expression reads the record <paramref name="root"/> (the recipient: a field of theirs or their id); a
    /// node not known here counts as reading it.
    /// </summary>
    private static bool Reads(BoundExpression expression, RecordRoot root) => expression switch
    {
        BoundFieldAccess field => field.Root == root,
        BoundRecipient => root == RecordRoot.User,
        BoundLiteral => false,
        BoundUnary unary => Reads(unary.Operand, root),
        BoundBinary binary => Reads(binary.Left, root) || Reads(binary.Right, root),
        BoundCall call => call.Arguments.Any(argument => Reads(argument, root)),
        BoundList list => list.Elements.Any(element => Reads(element, root)),
        _ => true,
    };

    /// <summary>
    /// By rule, whether a <c>message_sent</c> of its sends can be seen: by a rule triggered by <c>message_sent</c> whose
    /// <c>where</c> allows the rule's name (one that requires <c>rule == "NAME"</c> allows that name only; any other allows
    /// all), or by any <c>unless</c> or <c>goal</c> on <c>message_sent</c> (which sees them all).
    /// </summary>
    private static bool[] WhoseMessageSentIsSeen(ImmutableArray<BoundRule> rules)
    {
        var seenSenders = new HashSet<string>(StringComparer.Ordinal);
        var seesAll = false;
        foreach (var rule in rules)
        {
            seesAll |= rule.Unless.Any(unless => unless.Event.Name == BuiltInEvents.MessageSent)
                || rule.Goal?.Event.Name == BuiltInEvents.MessageSent;
            if (rule.Trigger!.Name == BuiltInEvents.MessageSent)
            {
                if (RequiredSender(rule.Where) is { } sender)
                {
                    seenSenders.Add(sender);
                }
                else
                {
                    seesAll = true;
                }
            }
        }
        return [.. rules.Select(rule => seesAll || seenSenders.Contains(rule.Name))];
    }

    /// <summary>The rule name that a <c>where</c> on <c>message_sent</c> requires of its trigger, if it requires one.</summary>
    private static string? RequiredSender(BoundExpression? where) =>
        where is null ? null : Conditions.Conjuncts(where).Select(c => Conditions.RequiredTriggerText(c, "rule")).FirstOrDefault(name => name is not null);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(value);
    }
}
