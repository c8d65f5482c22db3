using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

/// <summary>
/// A node of the immutable syntax tree. Every node knows its span in the file;
/// nodes have no parent pointers (the language server computes a parent map
/// when it needs one). Missing pieces of half-typed input are represented by
/// "missing" nodes rather than nulls wherever the grammar requires them.
/// </summary>
public abstract record SyntaxNode(TextSpan Span)
{
    /// <summary>The direct children, in source order.</summary>
    public abstract IEnumerable<SyntaxNode> Children { get; }

    /// <summary>This node and all its descendants, in source order.</summary>
    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.Children.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    protected static IEnumerable<SyntaxNode> Nodes(params object?[] items)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case SyntaxNode node:
                    yield return node;
                    break;
                case IEnumerable<SyntaxNode> nodes:
                    foreach (var node in nodes)
                    {
                        yield return node;
                    }
                    break;
            }
        }
    }
}
