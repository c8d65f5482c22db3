using TriggerLang.Compiler.Text;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

/// <summary>Test text with a cursor marker: <c>on cart_ab|andoned</c> is the text without the <c>|</c> and the position where it stood.</summary>
public sealed record Marked(string Text, Position Cursor)
{
    public static Marked Parse(string marked)
    {
        var offset = marked.IndexOf('|', StringComparison.Ordinal);
        if (offset < 0)
        {
            // An exception rather than an assertion: the benchmark compiles this file too, without xunit.
            throw new ArgumentException("the test text has no | cursor marker", nameof(marked));
        }
        var text = marked.Remove(offset, 1);
        var position = new SourceFile("marked.trig", text).GetLinePosition(offset);
        return new Marked(text, new Position(position.Line, position.Character));
    }
}
