using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// A problem found in a project. <see cref="Location"/> is null only for
/// problems with the project as a whole (an empty folder).
/// <see cref="Fix"/> is the edit that the did-you-mean suggests, for editors.
/// </summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, string Message, Location? Location, CodeFix? Fix = null)
{
    public string Code => Descriptor.Code;

    public DiagnosticSeverity Severity => Descriptor.Severity;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>MSBuild style: <c>path(line,col): error TRG0001: message</c>, 1-based.</summary>
    public override string ToString()
    {
        var severity = Severity.ToString().ToLowerInvariant();
        if (Location is not { } location)
        {
            return $"trig: {severity} {Code}: {Message}";
        }
        var start = location.Start;
        return $"{location.File.Path}({start.Line + 1},{start.Character + 1}): {severity} {Code}: {Message}";
    }
}

/// <summary>A text edit that fixes a diagnostic.</summary>
public sealed record CodeFix(string Title, TextSpan Span, string NewText);
