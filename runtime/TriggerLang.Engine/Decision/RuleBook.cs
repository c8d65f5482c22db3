using System.Collections.Immutable;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The project's rules indexed the way the engine looks them up, and what the
/// rules need remembered (§ issue: memory bounded by what the rules use):
/// events only of the names some <c>unless … within</c> looks back at, and only
/// as long as the longest such look-back; sends only as long as the longest
/// cap, limit, <c>reeligible after</c> or goal period.
/// </summary>
public sealed class RuleBook
{
    private readonly Dictionary<string, List<int>> _triggeredBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Rule, int Unless)>> _cancelledBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _goalsOn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _lookBack = new(StringComparer.Ordinal);
    private readonly bool[] _sendsKeepTrigger;

    public RuleBook(SemanticModel model)
    {
        Model = model;
        Rules = model.Rules;
        _sendsKeepTrigger = new bool[Rules.Length];
        var sendRetention = TimeSpan.Zero;
        foreach (var limit in model.Limits)
        {
            sendRetention = Max(sendRetention, limit.Period);
        }
        for (var r = 0; r < Rules.Length; r++)
        {
            var rule = Rules[r];
            Add(_triggeredBy, rule.Trigger!.Name, r);
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
                }
            }
            if (rule.Goal is { } goal)
            {
                Add(_goalsOn, goal.Event.Name, r);
                _sendsKeepTrigger[r] = goal.Where is { } where && ReadsTrigger(where);
                sendRetention = Max(sendRetention, goal.Within);
            }
            sendRetention = Max(sendRetention, rule.Cap?.Period ?? TimeSpan.Zero);
            sendRetention = Max(sendRetention, rule.Reeligibility.After ?? TimeSpan.Zero);
        }
        EventRetention = _lookBack.Values.DefaultIfEmpty(TimeSpan.Zero).Max();
        SendRetention = sendRetention;
    }

    public SemanticModel Model { get; }

    /// <summary>In execution order: files sorted by path, rules in source order; the index is the evaluator's rule number.</summary>
    public ImmutableArray<BoundRule> Rules { get; }

    public TimeSpan EventRetention { get; }

    public TimeSpan SendRetention { get; }

    // The empty answers are shared arrays: a bare `[]` beside a List would be a new List on every event.
    public IReadOnlyList<int> TriggeredBy(string eventName) => _triggeredBy.TryGetValue(eventName, out var list) ? list : Array.Empty<int>();

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

    /// <summary>Whether events of this name must be remembered for an <c>unless … within</c> look-back.</summary>
    public bool Remembers(string eventName) => _lookBack.ContainsKey(eventName);

    /// <summary>Whether the expression reads a field of the trigger; a node not known here counts as reading it.</summary>
    private static bool ReadsTrigger(BoundExpression expression) => expression switch
    {
        BoundFieldAccess field => field.Root == RecordRoot.Trigger,
        BoundLiteral or BoundRecipient => false,
        BoundUnary unary => ReadsTrigger(unary.Operand),
        BoundBinary binary => ReadsTrigger(binary.Left) || ReadsTrigger(binary.Right),
        BoundCall call => call.Arguments.Any(ReadsTrigger),
        BoundList list => list.Elements.Any(ReadsTrigger),
        _ => true,
    };

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
