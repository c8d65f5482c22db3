using TriggerLang.Compiler.Syntax;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// The chain of nodes from the root down to the innermost node at a position.
/// Nodes have no parent pointers (STYLE.md), so features look at this path to
/// know what an identifier is: an event in <c>on</c>, a field in <c>where</c>…
/// </summary>
public static class SyntaxPath
{
    public static IReadOnlyList<SyntaxNode> At(SyntaxNode root, int offset)
    {
        var path = new List<SyntaxNode> { root };
        var node = root;
        while (true)
        {
            // A node that holds the position wins over one that only ends there (`total|,` is on `total`, but `a|.b` is on `a`).
            var children = node.Children.ToList();
            var next = children.FirstOrDefault(c => c.Span.Contains(offset)) ?? children.LastOrDefault(c => c.Span.ContainsOrTouches(offset));
            if (next is null)
            {
                return path;
            }
            path.Add(next);
            node = next;
        }
    }

    /// <summary>The nearest node of type <typeparamref name="T"/> on the path, innermost first.</summary>
    public static T? Nearest<T>(this IReadOnlyList<SyntaxNode> path) where T : SyntaxNode => path.OfType<T>().LastOrDefault();
}
