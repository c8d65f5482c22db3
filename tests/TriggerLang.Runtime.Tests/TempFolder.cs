namespace TriggerLang.Runtime.Tests;

/// <summary>
/// A folder for one test: <c>rules/</c> (a copy of a rules project), <c>plugins/</c> (built plugins copied in from
/// <c>test-plugins/</c>, see the project file), and room for the database and the outbox. Deleted on dispose.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Directory.CreateDirectory(Rules);
        Directory.CreateDirectory(Plugins);
        WithPlugin("TriggerLang.Plugins.Outbox");
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"trig-runtime-{Guid.NewGuid():N}");

    public string Rules => System.IO.Path.Combine(Path, "rules");

    public string Plugins => System.IO.Path.Combine(Path, "plugins");

    /// <summary>Copies a built plugin (by assembly name) into the plugins folder.</summary>
    public TempFolder WithPlugin(string assembly)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "test-plugins", assembly);
        var target = System.IO.Path.Combine(Plugins, assembly);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }
        return this;
    }

    /// <summary>Copies a rules project (its .trig files and templates) into <see cref="Rules"/>.</summary>
    public TempFolder WithRulesFrom(string project)
    {
        foreach (var file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(project, file);
            if (relative.EndsWith(".trig", StringComparison.Ordinal) || relative.StartsWith("templates", StringComparison.Ordinal))
            {
                var target = System.IO.Path.Combine(Rules, relative);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        return this;
    }

    /// <summary>Writes one rules file.</summary>
    public TempFolder WithRules(string text, string file = "rules.trig")
    {
        File.WriteAllText(System.IO.Path.Combine(Rules, file), text);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A plugin's file still mapped by an unloading context: the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
