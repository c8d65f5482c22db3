namespace TriggerLang.Compiler.Tests.Semantics;

/// <summary>The kinds of values the generator builds expressions of (optionality does not change what is well typed).</summary>
internal enum Kind
{
    Int,
    Decimal,
    String,
    Bool,
    Timestamp,
    Duration,
    User,
    StringList,
    NumberList,
}

/// <summary>
/// An expression's text and kind. An ill-typed expression carries the one
/// place (<see cref="ErrorStart"/>, <see cref="ErrorLength"/>) that holds its
/// mistake and the code the checker must report for it.
/// </summary>
internal sealed record GeneratedExpression(string Text, Kind Kind, int ErrorStart = -1, int ErrorLength = 0, string? ErrorCode = null)
{
    public override string ToString() => ErrorCode is null ? Text : $"{Text}    [{ErrorCode} at {ErrorStart}..{ErrorStart + ErrorLength}]";
}
