using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>Lays out <c>event</c>, <c>user</c>, <c>settings</c> and <c>limits</c>: one entry per line, no separating commas.</summary>
internal sealed class DeclarationPrinter(SourceCursor source, LineBuilder lines)
{
    public void Event(EventDeclarationSyntax e) =>
        lines.Block(0, "event " + e.Name.Name, e.Span.Start, source.Expect(e.Name.Span.End, '{'), Close(e), e.Fields, Field);

    public void User(UserDeclarationSyntax u) =>
        lines.Block(0, "user", u.Span.Start, source.Expect(u.KeywordSpan.End, '{'), Close(u), u.Fields, Field);

    /// <summary><c>name "value"</c>: the optional colon is dropped, like the commas.</summary>
    public void Settings(SettingsDeclarationSyntax s) =>
        lines.Block(0, "settings", s.Span.Start, source.Expect(s.Span.Start + "settings".Length, '{'), Close(s), s.Settings,
            setting => setting.Name.Name + " " + setting.Value.Text);

    public void Limits(LimitsDeclarationSyntax l) =>
        lines.Block(0, "limits", l.Span.Start, source.Expect(l.Span.Start + "limits".Length, '{'), Close(l), l.Caps,
            cap => "cap " + (cap.Channel is null ? "" : cap.Channel.Name + " ") + ClausePrinter.Rate(cap.Rate));

    private static string Field(FieldDeclarationSyntax field) => field.Name.Name + ": " + Type(field.Type);

    private static string Type(TypeSyntax type) =>
        type.Name.Name + (type.Argument is null ? "" : "<" + Type(type.Argument) + ">") + (type.IsOptional ? "?" : "");

    private int Close(TopLevelSyntax item) => source.Expect(item.Span.End - 1, '}');
}
