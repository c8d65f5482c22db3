using Scriban.Parsing;
using Scriban.Syntax;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// The base of every walk over a parsed template. Scriban's parser can leave nodes of its own
/// in the tree (types nested in its <see cref="Parser"/>), whose <c>Accept</c> throws: the body
/// of a function definition written as an argument, as in <c>{{ x a() = 1 }}</c>, even in a
/// template that parses without errors. The walk steps over them and tells
/// <see cref="OnParserPlaceholder"/>, as they are not Liquid.
/// </summary>
internal abstract class TemplateWalker : ScriptVisitor
{
    public static bool IsParserPlaceholder(ScriptNode? node) => node?.GetType().DeclaringType == typeof(Parser);

    public override void Visit(ScriptNode? node)
    {
        if (IsParserPlaceholder(node))
        {
            OnParserPlaceholder(node!);
            return;
        }
        base.Visit(node);
    }

    protected virtual void OnParserPlaceholder(ScriptNode node)
    {
    }
}
