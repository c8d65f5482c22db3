using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Records;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Simulation;

/// <summary>
/// A test block's statements as the input records the simulator reads: the
/// same path as a JSON Lines file, so that a test decides exactly as a
/// simulation of the same data would. Events get the ids <c>e1</c>, <c>e2</c>…
/// in the order they are written.
/// </summary>
internal static class TestInputs
{
    public static IReadOnlyList<InputRecord> Of(BoundTest test, IRuleEvaluators evaluators)
    {
        var records = new List<InputRecord>();
        var events = 0;
        foreach (var step in test.Steps)
        {
            var source = new Compiler.Text.Location(test.Location.File, step.Syntax.Span).ToString();
            switch (step)
            {
                case UserStep user:
                    records.Add(new UserInput(user.UserId, user.At, source,
                        [.. user.Attributes.Select(a => KeyValuePair.Create(a.Key, Json(a.Value)))],
                        [.. user.Subscriptions.Select(s => KeyValuePair.Create(s.Key, (bool?)s.Value))],
                        [.. user.Categories.Select(c => KeyValuePair.Create(c.Key, (bool?)c.Value))]));
                    break;
                case FollowStep follow:
                    records.Add(new FollowInput(follow.Follower, follow.Followee, follow.At, source));
                    break;
                case EventStep e:
                    var record = evaluators.NewEvent(e.Event.Name)!;
                    record.Id = $"e{++events}";
                    record.UserId = e.UserId;
                    record.Time = e.At!.Value;
                    record.ReadProperties(Json(e.Properties));
                    records.Add(new EventInput(record, source));
                    break;
            }
        }
        return records;
    }

    private static JsonElement Json(object? value)
    {
        // Through text rather than JsonSerializer, which needs reflection (hosts may run trimmed).
        using var document = JsonDocument.Parse(Node(value)?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        decimal number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        // TrigJson reads a duration as a number of seconds.
        TimeSpan span => JsonValue.Create((decimal)span.TotalSeconds),
        DateTimeOffset time => JsonValue.Create(IsoTime.Format(time)),
        IImmutableDictionary<string, object?> properties => new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Node(p.Value)))),
        System.Collections.IEnumerable list => new JsonArray([.. list.Cast<object?>().Select(Node)]),
        _ => throw new InvalidOperationException($"a test value of type {value.GetType().Name} cannot be given to an event or profile"),
    };
}
