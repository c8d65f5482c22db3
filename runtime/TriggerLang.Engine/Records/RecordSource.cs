using System.Globalization;

namespace TriggerLang.Engine.Records;

/// <summary>
/// Where an input record came from, for messages: a file and a line number (<c>FILE:LINE</c>), or a name alone
/// (<c>body</c>, <c>record 3</c>, a test step) when <see cref="Line"/> is 0. Kept as its two parts and formatted only
/// when a message needs it: a <c>FILE:LINE</c> string made for every line of a large input was one of the largest
/// allocations of reading it, and hardly any is ever shown.
/// </summary>
/// <remarks>
/// It stands for the text it prints, as the string it replaced did: two sources are equal when they print the same,
/// so that <c>("in.jsonl", 3)</c> equals <c>"in.jsonl:3"</c> converted from a string.
/// </remarks>
public readonly struct RecordSource(string name, int line) : IEquatable<RecordSource>
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    public static implicit operator RecordSource(string name) => new(name, 0);

    public static bool operator ==(RecordSource left, RecordSource right) => left.Equals(right);

    public static bool operator !=(RecordSource left, RecordSource right) => !left.Equals(right);

    public override string ToString() => Line == 0 ? Name ?? "" : $"{Name}:{Line.ToString(CultureInfo.InvariantCulture)}";

    public bool Equals(RecordSource other) =>
        (Line == other.Line && string.Equals(Name, other.Name, StringComparison.Ordinal))
        || string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RecordSource other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
