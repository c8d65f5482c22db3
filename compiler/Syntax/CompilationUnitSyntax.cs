using System.Collections.Immutable;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

/// <summary>The tree of one .trig file.</summary>
public sealed record CompilationUnitSyntax(
    SourceFile File,
    TextSpan Span,
    ImmutableArray<TopLevelSyntax> Items,
    ImmutableArray<CommentTrivia> Comments) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Items;
}

/// <summary>An item at the top of a file: a declaration, a rule or a test.</summary>
public abstract record TopLevelSyntax(TextSpan Span) : SyntaxNode(Span);
