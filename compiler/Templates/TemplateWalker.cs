using Scriban.Parsing;
using Scriban.Syntax;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// The base of every walk over a parsed template. Scriban's parser can leave nodes of its own
/// in the tree (types nested in its <see cref="Parser"/>), whose <c>Accept</c> throws: the body
/// of a function definition written as an argument, as in <c>{{ x a() = 1 }}</c>, even in a
/// template that parses without errors. The walk steps over them: they are not Liquid, and the
/// call that holds one is already reported as two values side by side.
/// </summary>
internal abstract class TemplateWalker : ScriptVisitor
{
    public override void Visit(ScriptNode? node)
    {
        if (node?.GetType().DeclaringType != typeof(Parser))
        {
            base.Visit(node);
        }
    }
}
