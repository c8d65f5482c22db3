namespace TriggerLang.Engine.Records;

/// <summary>
/// An input record that does not fit the contract of LANGUAGE.md §8. <see cref="Field"/> is the JSON
/// path of the culprit (<c>properties.total</c>, <c>time</c>; empty for the record as a whole) and
/// the message says what to write instead, for a <c>FILE:LINE</c> message or an HTTP 400.
/// </summary>
public sealed class InputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>The message with its field in front: <c>`time`: expected …</c>.</summary>
    public string Describe() => Field.Length == 0 ? Message : $"`{Field}`: {Message}";
}
