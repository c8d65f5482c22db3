using System.Collections.Immutable;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

/// <summary>
/// <c>rule NAME "Title" on EVENT … send …</c>, or an anonymous rule that starts
/// with <c>on</c> (<see cref="Name"/> null). <see cref="Send"/> is null when the
/// rule has no send clause yet (half-typed input).
/// </summary>
public sealed record RuleDeclarationSyntax(
    TextSpan Span,
    IdentifierSyntax? Name,
    StringLiteralSyntax? Title,
    OnClauseSyntax On,
    ImmutableArray<RuleClauseSyntax> Clauses,
    SendClauseSyntax? Send) : TopLevelSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Title, On, Clauses, Send);

    public T? Clause<T>() where T : RuleClauseSyntax => Clauses.OfType<T>().FirstOrDefault();
}

/// <summary><c>on EVENT [as ALIAS]</c></summary>
public sealed record OnClauseSyntax(TextSpan Span, IdentifierSyntax Event, IdentifierSyntax? Alias) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Event, Alias);
}

/// <summary><c>send CHANNEL "text"</c> or <c>send CHANNEL { field: … }</c>, with an optional <c>else send</c> fallback.</summary>
public sealed record SendClauseSyntax(
    TextSpan Span,
    IdentifierSyntax Channel,
    TemplateValueSyntax? Body,
    ImmutableArray<SendFieldSyntax> Fields,
    bool IsBlock,
    SendClauseSyntax? Fallback) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Channel, Body, Fields, Fallback);

    /// <summary>This send and each of its fallbacks, in order.</summary>
    public IEnumerable<SendClauseSyntax> Chain()
    {
        for (SendClauseSyntax? send = this; send is not null; send = send.Fallback)
        {
            yield return send;
        }
    }
}

/// <summary><c>field: "text"</c> or <c>field: template "path"</c> inside a send block.</summary>
public sealed record SendFieldSyntax(TextSpan Span, IdentifierSyntax Name, TemplateValueSyntax Value) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Value);
}

/// <summary>A Liquid template, inline (<c>"Hi {{ user.first_name }}"</c>) or from a file (<c>template "path"</c>).</summary>
public sealed record TemplateValueSyntax(TextSpan Span, StringLiteralSyntax Text, bool IsFile) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Text);
}
