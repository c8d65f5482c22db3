namespace TriggerLang.Engine.Records;

/// <summary>One line of input: the record, or why it was refused. <see cref="Source"/> is <c>FILE:LINE</c>.</summary>
public readonly record struct ReadResult(InputRecord? Record, RecordSource Source, string? Error)
{
    public bool IsError => Error is not null;

    /// <summary>The line's number in its file, for readers that reorder records.</summary>
    internal int Line => Source.Line;

    public static ReadResult Refused(RecordSource source, string error) => new(null, source, error);

    /// <summary><c>FILE:LINE: message</c>, as the command line prints it.</summary>
    public override string ToString() => Error is null ? $"{Source}: {Record}" : $"{Source}: {Error}";
}
