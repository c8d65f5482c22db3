using System.Text.Json;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The built-in <c>message_sent</c> event (§2, §11): one per <c>sent</c> outcome,
/// at its time, for its recipient, with the id <c>message_sent:RULE:USER:TIME</c>
/// (then <c>:2</c>, <c>:3</c>… for repeats at that instant). A rule never triggers
/// on its own <c>message_sent</c>, and a chain of sends triggering each other at
/// one instant stops after <see cref="MaxChain"/> links.
/// </summary>
internal sealed class MessageSentEvents(IRuleEvaluators evaluators)
{
    public const int MaxChain = 16;

    // Both only concern one instant: they are cleared when time moves on. Repeats are counted by rule number.
    private readonly InstantRepeats _repeats = new();
    private readonly Dictionary<string, int> _chainLength = new(StringComparer.Ordinal); // by id, for links past a chain's first

    // An event's id is made when first read (most never are), by the maker of its repeat number: makers[n - 1].
    private readonly List<Func<EventRecord, string>> _idMakers = [];

    // The properties depend only on (rule, channel): read once into an event that each sent message's event copies.
    // By rule number, then channel: a rule sends through one channel or two.
    private List<(string Channel, EventRecord Template)>?[] _templates = [];
    private DateTimeOffset _instant;

    /// <summary>The <c>message_sent</c> of <paramref name="send"/>, delivered through <paramref name="channel"/> at <paramref name="time"/>; <paramref name="rule"/> is its rule's name.</summary>
    public EventRecord Create(string rule, string channel, PendingSend send, DateTimeOffset time)
    {
        MoveTo(time);
        var repeat = _repeats.Next(send.Rule, send.Recipient);
        var e = TemplateOf(send.Rule, rule, channel).Copy();
        e.UserId = send.Recipient;
        e.Time = time;
        e.DeferId(IdMaker(repeat));
        // A link continues the chain only when its trigger was itself a message_sent of this instant. A chain's first
        // link is not written down: an id not found counts as a chain of 1, so that most sends cost no entry.
        if (send.Trigger.Name == BuiltInEvents.MessageSent && send.Trigger.Time == time)
        {
            _chainLength[e.Id] = _chainLength.GetValueOrDefault(send.Trigger.Id, 1) + 1;
        }
        return e;
    }

    private Func<EventRecord, string> IdMaker(int repeat)
    {
        while (_idMakers.Count < repeat)
        {
            var made = _idMakers.Count + 1;
            _idMakers.Add(e => Id(e, made));
        }
        return _idMakers[repeat - 1];
    }

    /// <summary><c>message_sent:RULE:USER:TIME</c>, then <c>:2</c>, <c>:3</c>… for repeats.</summary>
    private static string Id(EventRecord e, int repeat)
    {
        var stamp = IsoTime.Compact(e.Time, stackalloc char[IsoTime.CompactLength]);
        var id = $"{BuiltInEvents.MessageSent}:{RuleOf(e)}:{e.UserId}:{stamp}";
        return repeat > 1 ? $"{id}:{repeat}" : id;
    }

    /// <summary>The event that the <c>message_sent</c> of rule number <paramref name="ruleNumber"/> (named <paramref name="rule"/>) through <paramref name="channel"/> copies, read on first use.</summary>
    private EventRecord TemplateOf(int ruleNumber, string rule, string channel)
    {
        if (_templates.Length <= ruleNumber)
        {
            Array.Resize(ref _templates, ruleNumber + 1);
        }
        var byChannel = _templates[ruleNumber] ??= [];
        foreach (var (known, template) in byChannel)
        {
            if (known == channel)
            {
                return template;
            }
        }
        var made = Template(rule, channel);
        byChannel.Add((channel, made));
        return made;
    }

    /// <summary>An event with the properties of (rule, channel), read from JSON as any event's are (written without reflection: hosts may run trimmed).</summary>
    private EventRecord Template(string rule, string channel)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("rule", rule);
            writer.WriteString("channel", channel);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var template = evaluators.NewEvent(BuiltInEvents.MessageSent)!;
        template.ReadProperties(document.RootElement);
        return template;
    }

    /// <summary>Whether <paramref name="e"/> is <c>message_sent</c> of <paramref name="rule"/> itself.</summary>
    public bool IsOwn(BoundRule rule, EventRecord e) =>
        e.Name == BuiltInEvents.MessageSent && RuleOf(e) == rule.Name;

    /// <summary>A <c>message_sent</c>'s <c>rule</c>: its first field, as the built-in event declares it.</summary>
    private static string? RuleOf(EventRecord e) => (string?)e.GetField(0);

    /// <summary>True (with a warning) when <paramref name="e"/> is the link of a same-instant chain that must not trigger any more.</summary>
    public bool StopsChain(EventRecord e, EngineStep step)
    {
        // No chain written down at this instant: every link is a first one, and the id need not be made.
        if (e.Name != BuiltInEvents.MessageSent || _instant != e.Time || _chainLength.Count == 0
            || _chainLength.GetValueOrDefault(e.Id) < MaxChain)
        {
            return false;
        }
        step.Warnings.Add($"{IsoTime.Format(e.Time)}: a chain of {MaxChain} messages triggering each other through message_sent "
            + $"at one instant was stopped at {e.Id}; check the rules that react to message_sent");
        return true;
    }

    private void MoveTo(DateTimeOffset time)
    {
        if (time != _instant)
        {
            _instant = time;
            _repeats.Clear();
            _chainLength.Clear();
        }
    }
}
