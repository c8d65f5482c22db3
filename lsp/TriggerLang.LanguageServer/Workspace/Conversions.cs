using TriggerLang.Compiler.Text;
using TriggerLang.LanguageServer.Protocol;
using CompilerDiagnostic = TriggerLang.Compiler.Diagnostics.Diagnostic;
using CompilerLocation = TriggerLang.Compiler.Text.Location;
using CompilerSeverity = TriggerLang.Compiler.Diagnostics.DiagnosticSeverity;

namespace TriggerLang.LanguageServer.Workspace;

/// <summary>From the compiler's positions to LSP's. Both count UTF-16 columns, so no re-encoding is needed.</summary>
public static class Conversions
{
    public static Protocol.Range Empty { get; } = new(new Position(0, 0), new Position(0, 0));

    public static LspDiagnostic ToLsp(CompilerDiagnostic diagnostic)
    {
        var severity = diagnostic.Severity switch
        {
            CompilerSeverity.Error => 1,
            CompilerSeverity.Warning => 2,
            _ => 3,
        };
        return new LspDiagnostic(RangeOf(diagnostic.Location!.Value), severity, diagnostic.Code, "trig", diagnostic.Message);
    }

    public static Protocol.Range RangeOf(CompilerLocation location) => new(ToPosition(location.Start), ToPosition(location.End));

    public static Protocol.Range RangeOf(SourceFile file, TextSpan span) => RangeOf(new CompilerLocation(file, span));

    public static Protocol.Location LocationOf(CompilerLocation location) => new(DocumentUri.FromPath(location.File.Path), RangeOf(location));

    public static Position ToPosition(LinePosition position) => new(position.Line, position.Character);

    public static int ToOffset(SourceFile file, Position position) => file.GetOffset(new LinePosition(position.Line, position.Character));
}
