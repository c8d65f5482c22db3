using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// The canonical layout behind <c>trig fmt</c> (LANGUAGE.md §9): one layout for
/// every file, idempotent, every comment kept. See README.md beside this file for
/// the layout's decisions.
/// </summary>
public static class TrigFormatter
{
    /// <summary>Formats a parsed file.</summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors: like gofmt, a file that does not parse is never rewritten. Check <see cref="SyntaxTree.HasErrors"/> first.</exception>
    public static string Format(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.HasErrors)
        {
            throw new InvalidOperationException($"{tree.File.Path} has syntax errors; a file that does not parse is not formatted.");
        }
        var source = new SourceCursor(tree.Root);
        var items = tree.Root.Items.Select(item => Lines(item, source)).ToList();
        var comments = CommentWeaver.Weave(items.SelectMany(lines => lines), tree.Root.Comments, source);
        return new LayoutRenderer(source, comments).Render(items);
    }

    private static IReadOnlyList<FormattedLine> Lines(TopLevelSyntax item, SourceCursor source)
    {
        var lines = new LineBuilder(source);
        var declarations = new DeclarationPrinter(source, lines);
        switch (item)
        {
            case EventDeclarationSyntax e:
                declarations.Event(e);
                break;
            case UserDeclarationSyntax u:
                declarations.User(u);
                break;
            case SettingsDeclarationSyntax s:
                declarations.Settings(s);
                break;
            case LimitsDeclarationSyntax l:
                declarations.Limits(l);
                break;
            case RuleDeclarationSyntax r:
                new RulePrinter(source, lines).Rule(r);
                break;
            case TestDeclarationSyntax t:
                new TestPrinter(source, lines).Test(t);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name);
        }
        return lines.Lines;
    }
}
