using TriggerLang.Compiler;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Text;

namespace TriggerLang.LanguageServer.Features;

/// <summary>One file of the project with the compilation it belongs to: what every feature answers from.</summary>
public sealed record AnalysedDocument(Compilation Compilation, SyntaxTree Tree)
{
    public SourceFile File => Tree.File;
}
