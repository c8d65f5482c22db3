namespace TriggerLang.Cli;

/// <summary>Exit codes of every command (LANGUAGE.md §9).</summary>
public static class ExitCodes
{
    /// <summary>Clean, or warnings only.</summary>
    public const int Success = 0;

    /// <summary>The project has errors (or, for <c>fmt --check</c>, files are not formatted).</summary>
    public const int Errors = 1;

    /// <summary>Bad usage or unreadable input.</summary>
    public const int BadInput = 2;
}
