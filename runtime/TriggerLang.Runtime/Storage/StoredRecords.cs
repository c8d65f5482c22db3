using System.Runtime.CompilerServices;
using System.Text.Json;
using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;
using TriggerLang.Evaluation;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// Events and profiles as the database keeps them: the JSON records of LANGUAGE.md §8, written by
/// <see cref="RecordJson"/> and read back through the same <see cref="RecordParser"/> that checks HTTP input, so a
/// stored record is never trusted more than a fresh one. An event's text is written once (a trigger shared by the
/// pending sends of a thousand followers is not serialized a thousand times).
/// </summary>
internal sealed class StoredRecords(RuleProject project)
{
    private readonly RecordJson _json = new(project.Compilation.Model.Schema);
    private readonly RecordParser _parser = new(project.Evaluators, project.Compilation.Model.Schema);
    private readonly ConditionalWeakTable<EventRecord, string> _eventText = [];

    public RecordParser Parser => _parser;

    public string Event(EventRecord e) => _eventText.GetValue(e, _json.Event);

    public void WriteEvent(Utf8JsonWriter json, EventRecord e) => json.WriteRawValue(Event(e), skipInputValidation: true);

    /// <summary>Remembers the text an event was read from, so that storing it again costs nothing.</summary>
    public void Known(EventRecord e, string text) => _eventText.AddOrUpdate(e, text);

    public string Profile(Profile profile) => _json.Profile(profile);

    public EventRecord ReadEvent(JsonElement record, string source) =>
        _parser.Parse(record, source) is EventInput input
            ? input.Event
            : throw new InvalidDataException($"{source}: not an event record");

    public EventRecord ReadEvent(string text, string source)
    {
        using var document = JsonDocument.Parse(text);
        var e = ReadEvent(document.RootElement, source);
        Known(e, text);
        return e;
    }

    public UserInput ReadProfile(string text, string source)
    {
        using var document = JsonDocument.Parse(text);
        return _parser.Parse(document.RootElement, source) as UserInput
            ?? throw new InvalidDataException($"{source}: not a user record");
    }
}
