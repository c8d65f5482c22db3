using System.Text;

namespace TriggerLang.Bench.Generation;

/// <summary>
/// Writes one multi-line rule with a realistic, valid mix of clauses
/// (LANGUAGE.md §3): the rule's own <c>where</c> comes before any
/// <c>unless</c>; digests have no <c>delay</c>/<c>unless</c>; <c>once</c>
/// and <c>reeligible</c> never together; fallback channels all differ.
/// <c>once</c> is written before <c>window</c>, never right after it: the
/// grammar reads <c>window 09:00-21:00 local once</c> as a weekday named
/// <c>once</c> (weekday names are soft keywords), an error.
/// </summary>
internal sealed class RuleWriter
{
    private static readonly string[] Owners = ["growth", "crm", "lifecycle", "retention", "eu", "us", "apac"];
    private static readonly string[] Purposes = ["reminder", "nudge", "followup", "alert", "offer", "thanks", "winback", "upsell", "survey"];
    private const string Indent = "  ";

    private readonly SchemaModel _schema;
    private readonly Random _random;
    private readonly ExpressionGenerator _expressions;
    private readonly ClauseText _clauses;
    private readonly SendWriter _sends;
    private readonly HashSet<string> _fieldNames;

    public RuleWriter(SchemaModel schema, Random random)
    {
        _schema = schema;
        _random = random;
        _expressions = new ExpressionGenerator(random);
        _clauses = new ClauseText(random);
        _sends = new SendWriter(random);
        _fieldNames = schema.Events.SelectMany(e => e.Fields).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    }

    private string NameFor(EventModel trigger, int index, bool digest) =>
        $"{trigger.Name}_{(digest ? "digest" : _random.Pick(Purposes))}_{index:D4}";

    /// <summary>A named rule on <paramref name="trigger"/>; returns its text (ending in a newline).</summary>
    public string Write(int index, EventModel trigger, out string name)
    {
        var digest = _random.Chance(0.08);
        name = NameFor(trigger, index, digest);
        var alias = _random.Chance(0.2) ? AliasFor(trigger.Name, null) : null;
        var text = new StringBuilder();
        if (_random.Chance(0.85))
        {
            text.Append($"// {Humanize(name)}: {(digest ? "collected into one message" : "one message per trigger")}.\n");
            if (_random.Chance(0.6))
            {
                text.Append($"// Owner: {_random.Pick(Owners)} team; reviewed for the {_random.Pick(Owners)} markets.\n");
            }
            if (_random.Chance(0.5))
            {
                text.Append($"// Ticket: GROWTH-{_random.Next(100, 9999)}. Keep the cap in sync with the global limits.\n");
            }
        }
        var title = _random.Chance(0.7) ? $" \"{Humanize(name)}\"" : "";
        text.Append($"rule {name}{title}\n");
        Line(text, $"on {trigger.Name}{(alias is null ? "" : $" as {alias}")}");
        if (trigger.UserField is { } actor && _random.Chance(0.4))
        {
            Line(text, _random.Chance(0.8) ? $"to followers({actor.Name})" : $"to {actor.Name}");
        }
        if (_random.Chance(0.8))
        {
            var prefix = alias is not null && _random.Chance(0.3) ? alias + "." : _random.Chance(0.15) ? "event." : "";
            Line(text, "where " + _expressions.Condition(trigger, prefix, 6, 0.3, "\n" + Indent + Indent));
        }
        if (!digest)
        {
            if (_random.Chance(0.6))
            {
                Line(text, _clauses.Delay() + _clauses.Trailing("from the trigger's time"));
            }
            var unlessCount = _random.Chance(0.3) ? 0 : _random.Chance(0.65) ? 1 : 2;
            for (var i = 0; i < unlessCount; i++)
            {
                Line(text, Unless(trigger, alias));
            }
        }
        var eligibility = _random.Next(8);
        if (eligibility == 0)
        {
            Line(text, "once");
        }
        else if (eligibility == 1)
        {
            Line(text, $"reeligible after {_random.Pick(["1d", "3d", "7d", "2w", "12h"])}");
        }
        if (_random.Chance(0.6))
        {
            Line(text, _clauses.Window() + _clauses.Trailing("in the recipient's zone unless named"));
        }
        if (_random.Chance(0.7))
        {
            Line(text, _clauses.Cap() + _clauses.Trailing("per recipient"));
        }
        if (_random.Chance(0.3))
        {
            Line(text, _clauses.Active());
        }
        if (_random.Chance(0.85))
        {
            Line(text, _clauses.Category());
        }
        if (_random.Chance(0.04))
        {
            Line(text, "priority transactional");
        }
        if (digest)
        {
            Line(text, _clauses.Digest());
        }
        if (_random.Chance(0.35))
        {
            Line(text, Goal(trigger, alias));
        }
        text.Append(Indent).Append(_sends.Write(trigger, alias, digest, Indent)).Append('\n');
        return text.ToString();
    }

    /// <summary>A rule that reacts to an earlier rule's message being sent (or clicked) and not opened.</summary>
    public string WriteFollowUp(int index, string earlier, out string name)
    {
        name = $"{earlier}_followup_{index:D4}";
        var clicked = _random.Chance(0.3);
        var text = new StringBuilder($"rule {name} \"Follow-up of {earlier}\"\n");
        if (clicked)
        {
            Line(text, $"on message_clicked where rule == \"{earlier}\" and url != null");
        }
        else
        {
            Line(text, $"on message_sent where rule == \"{earlier}\" and channel == \"email\"");
            Line(text, $"delay {_random.Pick(["1d", "2d", "3d"])}");
            Line(text, $"unless message_opened where rule == \"{earlier}\"");
        }
        Line(text, _clauses.Cap());
        Line(text, "send push \"Did you see our message, {{ user.first_name | default: 'there' }}?\" else send in_app {");
        Line(text, $"{Indent}title: \"A reminder from {{{{ rule.title }}}}\"");
        Line(text, $"{Indent}body: \"You have a message about {{{{ event.rule }}}} via {{{{ event.channel }}}}.\"");
        Line(text, "}");
        return text.ToString();
    }

    /// <summary>An anonymous one-line rule (alone in its file, so it is named after the file).</summary>
    public string WriteOneLine(EventModel trigger)
    {
        var candidate = _random.Pick(_schema.Events);
        return $"on {trigger.Name} where {_expressions.Condition(trigger, "", 2, 0.3, " ")} delay {_clauses.Duration()} "
            + $"unless {candidate.Name} within 24h window 09:00-21:00 local cap 3/day "
            + $"send email \"{_sends.Inline(trigger)}\"\n";
    }

    private string Unless(EventModel trigger, string? triggerAlias)
    {
        var candidate = _random.Chance(0.1) ? trigger : _random.Pick(_schema.Events);
        var within = _random.Chance(0.4) ? $" within {_clauses.Duration()}" : "";
        switch (_random.Next(4))
        {
            case 0:
                return $"unless {candidate.Name}{within}";
            case 1:
            {
                var alias = AliasFor(candidate.Name, triggerAlias);
                var condition = _expressions.Condition(candidate, alias + ".", 2, 0.2, " ");
                return $"unless {candidate.Name} as {alias}\n{Indent}{Indent}where {condition}{within.Replace(" within", $"\n{Indent}{Indent}within")}";
            }
            default:
            {
                var atoms = new List<string> { _expressions.Condition(candidate, "", 1, 0, " ") };
                var triggerPrefix = triggerAlias is not null && _random.Chance(0.5) ? triggerAlias + "." : "event.";
                if (_expressions.Correlation(candidate, "", trigger, triggerPrefix) is { } correlation)
                {
                    atoms.Add(correlation);
                }
                var lineBreak = "\n" + Indent + Indent;
                return atoms.Count > 1 && _random.Chance(0.6)
                    ? $"unless {candidate.Name}{lineBreak}where {atoms[0]}{lineBreak}  and {atoms[1]}{within.Replace(" within", lineBreak + "within")}"
                    : $"unless {candidate.Name} where {_expressions.Join(atoms, " ")}{within}";
            }
        }
    }

    private string Goal(EventModel trigger, string? triggerAlias)
    {
        var goal = _random.Pick(_schema.Events);
        var within = $"within {_random.Pick(["1d", "3d", "7d", "14d"])}";
        if (_random.Chance(0.6))
        {
            return $"goal {goal.Name} {within}";
        }
        var alias = AliasFor(goal.Name, triggerAlias);
        var lineBreak = "\n" + Indent + Indent;
        return $"goal {goal.Name} as {alias}{lineBreak}where {_expressions.Condition(goal, alias + ".", 1, 0, " ")}{lineBreak}{within}";
    }

    /// <summary>An alias that no field shadows: the event's first word, else a neutral name.</summary>
    private string AliasFor(string eventName, string? taken)
    {
        var word = eventName.Split('_')[0];
        return _fieldNames.Contains(word) || word == taken || word is "user" or "event" ? (taken == "ev" ? "ev2" : "ev") : word;
    }

    private static readonly string[] ClauseNotes =
    [
        "see the campaign brief", "agreed with the CRM team", "do not lower without checking the limits",
        "the look-back starts at the send time", "keep in sync with the app copy", "A/B tested in Q3",
    ];

    /// <summary>Appends one indented clause line, sometimes after a comment line about it.</summary>
    private void Line(StringBuilder text, string line)
    {
        if (_random.Chance(0.2))
        {
            text.Append(Indent).Append("// ").Append(_random.Pick(ClauseNotes)).Append('\n');
        }
        text.Append(Indent).Append(line).Append('\n');
    }

    private static string Humanize(string name) =>
        char.ToUpperInvariant(name[0]) + name[1..name.LastIndexOf('_')].Replace('_', ' ');
}
