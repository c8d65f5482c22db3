namespace TriggerLang.Compiler.Text;

/// <summary>A span in a particular file.</summary>
public readonly record struct Location(SourceFile File, TextSpan Span)
{
    public LinePosition Start => File.GetLinePosition(Span.Start);

    public LinePosition End => File.GetLinePosition(Span.End);

    public override string ToString() => $"{File.Path}{Start}";
}
