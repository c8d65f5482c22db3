using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

// Placeholder replaced by the templates branch.
public static class TemplateChecker
{
    public static void Check(string text, TemplateScope scope, Func<int, int, Location> locate, List<Diagnostic> diagnostics)
    {
    }
}
