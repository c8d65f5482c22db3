namespace TriggerLang.Cli;

/// <summary>Where a command writes: the process's streams, or writers given by in-process tests.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(global::System.Console.Out, global::System.Console.Error);
}
