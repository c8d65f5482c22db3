using TriggerLang.Compiler;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Plugins;
using TriggerLang.Compiler.Project;
using TriggerLang.Compiler.Templates;
using TriggerLang.Compiler.Text;

namespace TriggerLang.LanguageServer.Workspace;

/// <summary>
/// All .trig files of the workspace folder: the editor's text for open
/// documents, the disk's for the rest. The project is compiled as one
/// namespace (LANGUAGE.md §1), so a change to one file can change the
/// diagnostics of any other; <see cref="Current"/> recompiles after a change,
/// reusing the syntax trees of unchanged files. Thread-safe.
/// </summary>
public sealed class ProjectWorkspace
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _disk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Version, string Text)> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private List<Diagnostic> _loadDiagnostics = [];
    private IReadOnlyDictionary<string, string> _channelChoices = new Dictionary<string, string>();
    private (ChannelCatalog Channels, IReadOnlyList<Diagnostic> Problems) _plugins = (ChannelCatalog.BuiltIn, []);
    private Compilation? _current;

    /// <summary>Template checks are reused across compilations: most templates are unchanged by an edit, and checking them was most of the binding time.</summary>
    private readonly TemplateCheckCache _templates = new();

    /// <summary>The workspace folder (full path), or null when the editor opened single files.</summary>
    public string? Root { get; private set; }

    /// <summary>Reads every .trig file under <paramref name="root"/>; a folder with none is an empty project, not an error.</summary>
    public void Load(string root)
    {
        var full = Path.GetFullPath(root);
        var sources = ProjectLoader.Load(full);
        lock (_gate)
        {
            Root = full;
            _disk.Clear();
            foreach (var file in sources.Files)
            {
                _disk[Path.GetFullPath(file.Path)] = file.Text;
            }
            _loadDiagnostics = [.. sources.Diagnostics];
            _current = null;
        }
    }

    /// <summary>The plugins folder (full path) whose manifests declare the channels, or null for the built-in channels.</summary>
    public string? PluginsFolder { get; private set; }

    /// <summary>
    /// Compiles against the channels of <paramref name="folder"/>'s manifests
    /// (null: the built-in ones), the way <c>trig check --plugins</c> does.
    /// Returns the manifests' problems: those not in a manifest file have no
    /// place in the editor but the log.
    /// </summary>
    public IReadOnlyList<Diagnostic> UsePlugins(string? folder, IReadOnlyDictionary<string, string> choices)
    {
        lock (_gate)
        {
            PluginsFolder = folder is null ? null : Path.GetFullPath(folder);
            _channelChoices = choices;
        }
        return ReloadPlugins();
    }

    /// <summary>True for a manifest of the plugins folder, whose change changes the channels.</summary>
    public bool IsPluginManifest(string path) =>
        PluginsFolder is { } folder && Path.GetFileName(path) == TriggerLang.Plugins.PluginSdk.ManifestFileName
        && Path.GetDirectoryName(Path.GetDirectoryName(path)) == folder;

    /// <summary>Reads the manifests again (one was created, changed or deleted); returns their problems as <see cref="UsePlugins"/> does.</summary>
    public IReadOnlyList<Diagnostic> ReloadPlugins()
    {
        string? folder;
        IReadOnlyDictionary<string, string> choices;
        lock (_gate)
        {
            (folder, choices) = (PluginsFolder, _channelChoices);
        }
        // Read outside the lock: requests keep being answered from the previous channels meanwhile.
        var plugins = ChannelCatalogLoader.Load(folder, choices);
        lock (_gate)
        {
            _plugins = plugins;
            _current = null;
        }
        return plugins.Problems;
    }

    /// <summary>Every .trig file of the project (open or on disk).</summary>
    public IReadOnlyList<string> Files
    {
        get
        {
            lock (_gate)
            {
                return [.. _disk.Keys.Union(_open.Keys.Where(IsTrigFile)).Order(StringComparer.Ordinal)];
            }
        }
    }

    public void Open(string path, int version, string text)
    {
        lock (_gate)
        {
            _open[path] = (version, text);
            _current = null;
        }
    }

    /// <summary>Ignores a change older than the text it has: the editor's versions only grow.</summary>
    public void Change(string path, int version, string text)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(path, out var known) && known.Version > version)
            {
                return;
            }
            _open[path] = (version, text);
            _current = null;
        }
    }

    /// <summary>A closed document falls back to its text on disk (or leaves the project if it has none).</summary>
    public void Close(string path)
    {
        lock (_gate)
        {
            _open.Remove(path);
            _current = null;
        }
    }

    /// <summary>A file created, changed or deleted on disk (reported by the editor's file watcher).</summary>
    public void DiskChanged(string path)
    {
        if (!IsTrigFile(path))
        {
            // A template file: it is read through ReadFile on each compile, so only the model needs rebuilding.
            lock (_gate)
            {
                _current = null;
            }
            return;
        }
        var diagnostics = new List<Diagnostic>();
        string? text = null;
        try
        {
            if (File.Exists(path))
            {
                text = ProjectLoader.Decode(path, File.ReadAllBytes(path), diagnostics).Text;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = null;
        }
        lock (_gate)
        {
            if (text is null)
            {
                _disk.Remove(path);
            }
            else
            {
                _disk[path] = text;
            }
            _current = null;
        }
    }

    /// <summary>The text the compiler sees for a file: the editor's if open, else the disk's.</summary>
    public string? Text(string path)
    {
        lock (_gate)
        {
            return TextUnlocked(path);
        }
    }

    /// <summary>The compilation of the project as it is now, built on first use after a change.</summary>
    public Compilation Current()
    {
        lock (_gate)
        {
            return _current ??= Compile();
        }
    }

    private Compilation Compile()
    {
        var trees = new List<SyntaxTree>();
        foreach (var path in _disk.Keys.Union(_open.Keys.Where(IsTrigFile)))
        {
            var text = TextUnlocked(path)!;
            if (!_trees.TryGetValue(path, out var tree) || tree.File.Text != text)
            {
                tree = Parse(new SourceFile(path, text));
                _trees[path] = tree;
            }
            trees.Add(tree);
        }
        foreach (var gone in _trees.Keys.Except(trees.Select(t => t.File.Path)).ToList())
        {
            _trees.Remove(gone);
        }
        var options = CompilationOptions.Default with { ProjectRoot = Root, ReadFile = ReadFile, Channels = _plugins.Channels, TemplateCache = _templates };
        // The manifests' problems ride along like trig check's, so that they are published on the manifest files.
        return Compilation.Create(trees, options, [.. _plugins.Problems, .. _loadDiagnostics]);
    }

    /// <summary>Templates are read through here, so an unsaved template in the editor is what gets checked.</summary>
    private string? ReadFile(string path)
    {
        lock (_gate)
        {
            return _open.TryGetValue(Path.GetFullPath(path), out var open) ? open.Text : CompilationOptions.ReadFromDisk(path);
        }
    }

    private string? TextUnlocked(string path) =>
        _open.TryGetValue(path, out var open) ? open.Text : _disk.GetValueOrDefault(path);

    /// <summary>Parses through a one-file compilation, which turns a parser crash into a diagnostic instead of an exception.</summary>
    private static SyntaxTree Parse(SourceFile file) => Compilation.Create([file]).SyntaxTrees[0];

    private static bool IsTrigFile(string path) => path.EndsWith(".trig", StringComparison.OrdinalIgnoreCase);
}
