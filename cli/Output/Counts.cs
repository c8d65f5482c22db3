namespace TriggerLang.Cli.Output;

/// <summary>Counts in the one-line summaries the commands print on stderr.</summary>
internal static class Counts
{
    /// <summary><c>1 file</c>, <c>3 files</c>.</summary>
    public static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
