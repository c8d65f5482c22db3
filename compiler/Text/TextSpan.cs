namespace TriggerLang.Compiler.Text;

/// <summary>A range of UTF-16 code units in a source file: [Start, Start + Length).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>True when <paramref name="position"/> is inside the span or just after it (a cursor at the end of a word).</summary>
    public bool ContainsOrTouches(int position) => position >= Start && position <= End;

    public TextSpan Union(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public override string ToString() => $"[{Start}..{End})";
}
