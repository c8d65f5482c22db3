using TriggerLang.Engine;

namespace TriggerLang.Runtime.Processing;

/// <summary>
/// What the rules were compiled from, as names, sizes and write times: the project's .trig files (found as the
/// compiler finds them) and the template files its rules read. Polled rather than watched: the database and the
/// outbox usually live in the rules folder, and a file-system watcher there wakes on every write they make.
/// </summary>
internal static class RulesFingerprint
{
    public static string Of(string directory, RuleProject? project)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        try
        {
            files.UnionWith(Directory.EnumerateFiles(directory, "*.trig", options));
        }
        catch (IOException)
        {
            // The folder went away for a moment (a checkout): the next poll sees it again.
        }
        if (project is not null)
        {
            files.UnionWith(project.Compilation.Model.Rules.SelectMany(r => r.Sends).SelectMany(s => s.Fields)
                .Select(t => t.FilePath).OfType<string>());
        }
        return string.Join('\n', files.Select(path =>
        {
            var file = new FileInfo(path);
            return file.Exists ? $"{path}|{file.Length}|{file.LastWriteTimeUtc.Ticks}" : $"{path}|gone";
        }));
    }
}
