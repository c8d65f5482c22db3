using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>Lays out a <c>test</c> block: one statement per line, object literals inline.</summary>
internal sealed class TestPrinter(SourceCursor source, LineBuilder lines)
{
    public void Test(TestDeclarationSyntax test) =>
        lines.Block(0, "test " + source.Text(test.Name.Span), test.Span.Start, source.Expect(test.Name.Span.End, '{'),
            source.Expect(test.Span.End - 1, '}'), test.Statements, Statement);

    private static string Statement(TestStatementSyntax statement) => statement switch
    {
        TestUserSyntax user => At(user.At) + "user " + user.Id.Name + Object(user.Properties),
        TestEventSyntax e => At(e.At) + "event " + e.Event.Name + " for " + e.UserId.Name + Object(e.Properties),
        TestFollowSyntax follow => At(follow.At) + follow.Follower.Name + " follows " + follow.Followee.Name,
        TestExpectSyntax { IsNone: true } none => "expect no " + none.Rule.Name + " to " + none.UserId.Name,
        TestExpectSyntax expect => "expect " + expect.Rule.Name + " " + Required(expect.Status).Name + (expect.Reason is null ? "" : " " + expect.Reason.Name)
            + " to " + expect.UserId.Name
            + (expect.At is null ? "" : " at " + expect.At.Text)
            + (expect.Channel is null ? "" : " via " + expect.Channel.Name)
            + (expect.Fields is null ? "" : " with" + Object(expect.Fields)),
        _ => throw new ArgumentOutOfRangeException(nameof(statement), statement.GetType().Name),
    };

    private static IdentifierSyntax Required(IdentifierSyntax? name) =>
        name ?? throw new InvalidOperationException("An expectation has no status: the tree has errors.");

    private static string At(DateTimeSyntax? at) => at is null ? "" : "at " + at.Text + " ";

    /// <summary>" { a: 1, b: { c: true } }", or "" when the statement has no object.</summary>
    private static string Object(ObjectLiteralSyntax? value) => value is null ? "" : " " + Inline(value);

    private static string Inline(ObjectLiteralSyntax value) =>
        value.Properties.IsEmpty
            ? "{}"
            : "{ " + string.Join(", ", value.Properties.Select(p => p.Name.Name + ": " + PropertyValue(p))) + " }";

    private static string PropertyValue(PropertySyntax property) =>
        property.Nested is { } nested ? Inline(nested)
        : property.Value is { } value ? ExpressionPrinter.Print(value)
        : throw new InvalidOperationException("A property has no value: the tree has errors.");
}
