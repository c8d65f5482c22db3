using Scriban;
using Scriban.Syntax;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// The top-level names a parsed template reads, so that a message builds only the globals its fields use (the
/// <c>user</c>, <c>event</c> and <c>rule</c> objects and a digest's <c>events</c> are most of a render's cost).
/// Over-approximate by design: every variable name counts, members and filters included. Unknown
/// (<see cref="Every"/>) when the template can reach the globals other than by name: through <c>this</c>, which is
/// also what Liquid's <c>{{ ["a-b"] }}</c> and dashed names become.
/// </summary>
internal sealed class TemplateReads
{
    private readonly HashSet<string>? _names;

    private TemplateReads(HashSet<string>? names) => _names = names;

    public static TemplateReads Every { get; } = new(null);

    public static TemplateReads Of(Template template)
    {
        var collector = new NameCollector();
        collector.Visit(template.Page);
        // Liquid's parser may also leave `this` as a plain name: counted as `this` all the same.
        return collector.SeesThis || collector.Names.Contains("this") ? Every : new TemplateReads(collector.Names);
    }

    /// <summary>What the fields of one message read together.</summary>
    public static TemplateReads Union(IEnumerable<TemplateReads> reads)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            if (read._names is null)
            {
                return Every;
            }
            names.UnionWith(read._names);
        }
        return new TemplateReads(names);
    }

    public bool Reads(string name) => _names is null || _names.Contains(name);

    private sealed class NameCollector : ScriptVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public bool SeesThis { get; private set; }

        public override void Visit(ScriptVariableGlobal node)
        {
            Names.Add(node.Name);
            base.Visit(node);
        }

        public override void Visit(ScriptThisExpression node)
        {
            SeesThis = true;
            base.Visit(node);
        }
    }
}
