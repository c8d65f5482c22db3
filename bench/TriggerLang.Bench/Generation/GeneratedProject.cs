namespace TriggerLang.Bench.Generation;

/// <summary>The generated files (relative path → text) and the number of rules they hold.</summary>
public sealed class GeneratedProject(IReadOnlyDictionary<string, string> files, int ruleCount)
{
    public IReadOnlyDictionary<string, string> Files { get; } = files;

    public int RuleCount { get; } = ruleCount;

    public IEnumerable<KeyValuePair<string, string>> TrigFiles => Files.Where(f => f.Key.EndsWith(".trig", StringComparison.Ordinal));

    public int TrigLineCount => TrigFiles.Sum(f => f.Value.Count(c => c == '\n'));

    /// <summary>
    /// The same project with the schema and every named rule in one file, <c>rules/all.trig</c> (~20k lines),
    /// beside the same templates. The anonymous one-line rules are left out: together in one file they would
    /// need names (a warning).
    /// </summary>
    public GeneratedProject AsOneFile()
    {
        var merged = TrigFiles.Where(f => !f.Key.StartsWith(ProjectGenerator.AnonymousFolder, StringComparison.Ordinal)).ToList();
        var anonymous = TrigFiles.Count() - merged.Count;
        var files = Files.Where(f => !f.Key.EndsWith(".trig", StringComparison.Ordinal)).ToDictionary();
        files["rules/all.trig"] = string.Join("\n", merged.Select(f => f.Value));
        return new GeneratedProject(files, RuleCount - anonymous);
    }

    /// <summary>Writes the project under <paramref name="directory"/> (created if needed; existing .trig files are removed first).</summary>
    public void WriteTo(string directory)
    {
        if (Directory.Exists(directory))
        {
            foreach (var stale in Directory.EnumerateFiles(directory, "*.trig", SearchOption.AllDirectories))
            {
                File.Delete(stale);
            }
        }
        foreach (var (path, text) in Files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }
}
