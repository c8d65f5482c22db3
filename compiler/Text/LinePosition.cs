namespace TriggerLang.Compiler.Text;

/// <summary>A zero-based line and UTF-16 column, as the language server protocol counts them.</summary>
public readonly record struct LinePosition(int Line, int Character)
{
    public override string ToString() => $"({Line + 1},{Character + 1})";
}
