using System.Collections.Immutable;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

/// <summary>A name. <see cref="IsMissing"/> when the parser expected one and found none.</summary>
public sealed record IdentifierSyntax(TextSpan Span, string Name, bool IsMissing = false) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
    public override string ToString() => Name;
}

/// <summary>
/// A double-quoted string. <see cref="Value"/> is the decoded text;
/// <see cref="ValueOffsets"/> maps each index of <see cref="Value"/> (and one past
/// its end) to an offset in the file, so that a diagnostic inside a template
/// points at the right character even after escapes.
/// </summary>
public sealed record StringLiteralSyntax(TextSpan Span, string Value, ImmutableArray<int> ValueOffsets) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];

    public TextSpan MapValueSpan(int start, int length)
    {
        var from = ValueOffsets[Math.Clamp(start, 0, ValueOffsets.Length - 1)];
        var to = ValueOffsets[Math.Clamp(start + length, 0, ValueOffsets.Length - 1)];
        return TextSpan.FromBounds(from, Math.Max(from, to));
    }
}

/// <summary>A duration such as <c>30m</c> or <c>1h30m</c>; <see cref="Value"/> is null when the text is invalid.</summary>
public sealed record DurationSyntax(TextSpan Span, string Text, TimeSpan? Value) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

/// <summary>A wall-clock time <c>HH:MM</c>; <see cref="Value"/> is null when out of range.</summary>
public sealed record TimeOfDaySyntax(TextSpan Span, string Text, TimeOnly? Value) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

/// <summary>A date (<c>2026-12-01</c>) or date-time (<c>2026-12-01T10:00Z</c>); UTC unless an offset is given.</summary>
public sealed record DateTimeSyntax(TextSpan Span, string Text, DateTimeOffset? Value) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

/// <summary>A non-negative integer in a clause (<c>cap 3/day</c>, <c>max 10</c>).</summary>
public sealed record IntegerSyntax(TextSpan Span, string Text, int? Value) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

public enum ZoneKind
{
    Local,
    Utc,
    Named,
}

/// <summary>The zone of a window, <c>delay until</c> or digest time: <c>local</c>, <c>utc</c> or <c>"Area/City"</c>.</summary>
public sealed record ZoneSyntax(TextSpan Span, ZoneKind Kind, StringLiteralSyntax? Name) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name);
}

/// <summary>A comment, kept beside the tree so that the formatter can put it back.</summary>
public sealed record CommentTrivia(TextSpan Span, string Text)
{
    public bool IsBlock => Text.StartsWith("/*", StringComparison.Ordinal);
}
