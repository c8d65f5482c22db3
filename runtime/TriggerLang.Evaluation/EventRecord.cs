namespace TriggerLang.Evaluation;

/// <summary>
/// An event as the engine holds it. Each project gets a generated subclass
/// per event type with its fields as typed members, so that a predicate reads
/// a field, not a dictionary entry.
/// </summary>
public abstract class EventRecord
{
    // The id, or until it is first read the function that makes it (DeferId): one field, so that records stay as small
    // as they were.
    private object _id = "";

    /// <summary>The event's id; for an event given <see cref="DeferId"/>, made when first read.</summary>
    public string Id
    {
        get
        {
            // Read once: another thread may make the id between a test and a cast.
            var current = _id;
            return current as string ?? MakeId((Func<EventRecord, string>)current);
        }
        set => _id = value;
    }

    /// <summary>
    /// Makes the id from the event when it is first read rather than now. The engine names the events it makes
    /// (<c>message_sent</c>) from their rule, user and time, and most of them are never read by id: building every
    /// name was a tenth of what a simulation allocated. <paramref name="maker"/> must give the same id whenever it is
    /// called (two threads may both call it).
    /// </summary>
    public void DeferId(Func<EventRecord, string> maker) => _id = maker;

    private string MakeId(Func<EventRecord, string> maker)
    {
        var id = maker(this);
        _id = id;
        return id;
    }

    public string UserId { get; set; } = "";

    public DateTimeOffset Time { get; set; }

    /// <summary>The event type's name, as declared.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Fills the fields from an event's JSON <c>properties</c> object. Unknown
    /// properties are ignored; a missing required field or a value of the wrong
    /// type throws <see cref="TrigDataException"/> naming the field.
    /// </summary>
    public abstract void ReadProperties(System.Text.Json.JsonElement properties);

    /// <summary>
    /// The fast path of <see cref="ReadProperties"/>, straight from the bytes of a JSON Lines input line: the reader is
    /// on the <c>properties</c> object's start. Fills the same fields with the same values and returns true, or returns
    /// false (or throws <see cref="System.Text.Json.JsonException"/> or <see cref="InvalidOperationException"/>)
    /// whenever <see cref="ReadProperties"/> might do anything else, error included; the caller then reads the line
    /// again with <see cref="ReadProperties"/> into a new record. Records that have no fast path return false.
    /// </summary>
    public virtual bool TryReadProperties(ref System.Text.Json.Utf8JsonReader reader) => false;

    /// <summary>A field by its index in the declaration, boxed (absent is null): for the interpreter and templates, not the hot path.</summary>
    public abstract object? GetField(int index);

    /// <summary>
    /// A copy with the same id, user, time and fields, to be given its own id, user and time: events made by the engine
    /// from a template event (<c>message_sent</c>) are copied rather than read from JSON each time. The fields are
    /// shared, which is safe because they are never changed after reading (texts, numbers, and lists nothing writes to).
    /// </summary>
    public EventRecord Copy() => (EventRecord)MemberwiseClone();
}
