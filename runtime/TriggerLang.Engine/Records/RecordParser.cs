using System.Collections.Immutable;
using System.Text.Json;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Records;

/// <summary>
/// One JSON object → one <see cref="InputRecord"/>, checked against the compiled schema
/// (LANGUAGE.md §8). Shared by the JSON Lines reader and the HTTP API, so that a bad record gets the
/// same message wherever it comes from. Every problem is an <see cref="InputException"/> naming the field.
/// </summary>
public sealed class RecordParser
{
    private readonly IRuleEvaluators _evaluators;
    private readonly IReadOnlyCollection<string> _eventNames;

    /// <param name="schema">Only for did-you-mean on unknown event names; without it the message just names the event.</param>
    public RecordParser(IRuleEvaluators evaluators, Schema? schema = null)
    {
        _evaluators = evaluators;
        _eventNames = schema is null ? [] : [.. schema.Events.Keys];
    }

    /// <summary>For the fast event reader of JSON Lines (<see cref="EventLine"/>), which makes the same records.</summary>
    internal IRuleEvaluators Evaluators => _evaluators;

    public InputRecord Parse(JsonElement record, RecordSource source)
    {
        try
        {
            return ParseRecord(record, source);
        }
        catch (InvalidOperationException)
        {
            // What JsonElement.GetString throws for an escaped lone surrogate ("\ud800"): not text at all.
            throw new InputException("", "a string in the record is not valid Unicode text");
        }
    }

    private InputRecord ParseRecord(JsonElement record, RecordSource source)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new InputException("", $"a record must be a JSON object, got {JsonText.Describe(record)}");
        }
        var type = Optional(record, "type") is { } value
            ? StringValue(value, "type")
            : throw new InputException("type", "is missing: every record needs \"type\": \"event\", \"user\" or \"follow\"");
        return type switch
        {
            "event" => Event(record, source),
            "user" => User(record, source),
            "follow" => Follow(record, source),
            _ => throw new InputException("type", $"unknown record type \"{type}\"; expected \"event\", \"user\" or \"follow\""),
        };
    }

    private EventInput Event(JsonElement record, RecordSource source)
    {
        var id = RequiredString(record, "id");
        var name = RequiredString(record, "name");
        var user = RequiredString(record, "user");
        var time = InputTime.Read(Required(record, "time"), "time");
        var target = _evaluators.NewEvent(name) ?? throw UnknownEvent(name);
        target.Id = id;
        target.UserId = user;
        target.Time = time;
        var properties = Optional(record, "properties");
        if (properties is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null } wrong)
        {
            throw new InputException("properties", $"expected an object of the event's fields, got {JsonText.Describe(wrong)}");
        }
        try
        {
            // Absent properties still go through the reader, so that missing required fields are named.
            target.ReadProperties(properties is { ValueKind: JsonValueKind.Object } given ? given : EmptyObject);
        }
        catch (TrigDataException exception)
        {
            throw new InputException($"properties.{exception.Field}", exception.Problem);
        }
        return new EventInput(target, source);
    }

    private UserInput User(JsonElement record, RecordSource source)
    {
        var id = RequiredString(record, "id");
        var time = Optional(record, "time") is { } given ? InputTime.Read(given, "time") : (DateTimeOffset?)null;
        var attributes = ImmutableArray.CreateBuilder<KeyValuePair<string, JsonElement>>();
        if (Object(record, "attributes") is { } values)
        {
            // Type-checked on a scratch profile now, so that a bad value is this record's error, not the engine's.
            var scratch = _evaluators.NewUser(id);
            foreach (var attribute in values.EnumerateObject())
            {
                try
                {
                    scratch.SetAttribute(attribute.Name, attribute.Value);
                }
                catch (TrigDataException exception)
                {
                    throw new InputException($"attributes.{exception.Field}", exception.Problem);
                }
                // Cloned: the record outlives the document it was parsed from. Nulls stay, to remove keys.
                attributes.Add(new(attribute.Name, attribute.Value.Clone()));
            }
        }
        return new UserInput(id, time, source, attributes.ToImmutable(), Switches(record, "subscriptions"), Switches(record, "categories"));
    }

    private static FollowInput Follow(JsonElement record, RecordSource source)
    {
        var follower = RequiredString(record, "follower");
        var followee = RequiredString(record, "followee");
        var time = Optional(record, "time") is { } given ? InputTime.Read(given, "time") : (DateTimeOffset?)null;
        return new FollowInput(follower, followee, time, source);
    }

    /// <summary>Subscriptions or categories: name → true/false, or null to go back to the default (subscribed).</summary>
    private static ImmutableArray<KeyValuePair<string, bool?>> Switches(JsonElement record, string name)
    {
        if (Object(record, name) is not { } values)
        {
            return [];
        }
        var switches = ImmutableArray.CreateBuilder<KeyValuePair<string, bool?>>();
        foreach (var entry in values.EnumerateObject())
        {
            bool? on = entry.Value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => throw new InputException($"{name}.{entry.Name}",
                    $"expected true, false or null (back to the default, subscribed), got {JsonText.Describe(entry.Value)}"),
            };
            switches.Add(new(entry.Name, on));
        }
        return switches.ToImmutable();
    }

    private InputException UnknownEvent(string name)
    {
        var suggestion = Suggestions.Closest(name, _eventNames);
        var hint = suggestion is null ? "" : $" (did you mean \"{suggestion}\"?)";
        return new InputException("name", $"the project declares no event \"{name}\"{hint}");
    }

    private static JsonElement? Optional(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement Required(JsonElement record, string name) =>
        Optional(record, name) ?? throw new InputException(name, "is required but missing or null");

    private static string RequiredString(JsonElement record, string name) => StringValue(Required(record, name), name);

    private static string StringValue(JsonElement value, string name) => value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InputException(name, $"expected a non-empty string, got {JsonText.Describe(value)}");

    private static JsonElement? Object(JsonElement record, string name) => Optional(record, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => value,
        { } value => throw new InputException(name, $"expected an object, got {JsonText.Describe(value)}"),
    };

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;
}
