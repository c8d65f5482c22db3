using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Templates;
using TriggerLang.Compiler.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Tests.Templates;

/// <summary>
/// The schema of LANGUAGE.md §2, scopes built from it, and a check that reads like the spec:
/// <c>⟦…⟧</c> marks where the one expected diagnostic must be, and is removed before checking.
/// </summary>
internal static class TemplateTestData
{
    private static readonly SourceFile SchemaFile = new("schema.trig", "");

    public static EventSymbol CartAbandoned { get; } = new("cart_abandoned", Declared(),
    [
        Field("cart_id", TrigType.String),
        Field("total", TrigType.Money),
        Field("items", TrigType.Int),
        Field("category", TrigType.String.AsOptional()),
        Field("tags", TrigType.ListOf(TrigType.String)),
        Field("owner", TrigType.User),
    ]);

    public static UserSchema User { get; } = new(
    [
        Field("first_name", TrigType.String.AsOptional()),
        Field("country", TrigType.String.AsOptional()),
        Field("tier", TrigType.String.AsOptional()),
    ]);

    /// <summary><c>rule … on cart_abandoned as cart … send …</c></summary>
    public static TemplateScope Plain { get; } = new(User, CartAbandoned, "cart", IsDigest: false);

    /// <summary><c>rule … on cart_abandoned … digest daily at 09:00 local send …</c></summary>
    public static TemplateScope Digest { get; } = new(User, CartAbandoned, null, IsDigest: true);

    public static List<Diagnostic> Check(string text, TemplateScope? scope = null)
    {
        var file = new SourceFile("message.liquid", text);
        var diagnostics = new List<Diagnostic>();
        TemplateChecker.Check(text, scope ?? Plain, (offset, length) => new Location(file, new TextSpan(offset, length)), diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Assert.NotEqual("TRG0901", diagnostic.Code); // an internal error is a bug in the checker, whatever the input
            var span = diagnostic.Location!.Value.Span;
            Assert.InRange(span.Start, 0, text.Length);
            Assert.InRange(span.End, span.Start, text.Length);
        }
        return diagnostics;
    }

    /// <summary>Asserts exactly one diagnostic with <paramref name="code"/>, spanning exactly the marked text.</summary>
    public static Diagnostic CheckOne(string marked, string code, TemplateScope? scope = null)
    {
        var start = marked.IndexOf('⟦');
        var end = marked.IndexOf('⟧') - 1;
        Assert.True(start >= 0 && end >= start, "mark the expected span with ⟦…⟧");
        var text = marked.Replace("⟦", "").Replace("⟧", "");
        var diagnostic = Assert.Single(Check(text, scope));
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(new TextSpan(start, end - start), diagnostic.Location!.Value.Span);
        return diagnostic;
    }

    private static FieldSymbol Field(string name, TrigType type) => new(name, type, Declared());

    private static Location Declared() => new(SchemaFile, new TextSpan(0, 0));
}
