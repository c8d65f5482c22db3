using System.Reflection;
using System.Text;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Project;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Semantics;

/// <summary>
/// Golden files for whole projects: TestData/Projects/CASE/ holds the .trig
/// files (and templates) and TestData/Projects/CASE.diagnostics the expected
/// diagnostics, one MSBuild-style line each. Files are compiled with paths
/// relative to TestData/Projects, so that baselines read the same on every
/// machine. Set TRIG_UPDATE_BASELINES=1 to re-record them in the source tree.
/// </summary>
internal static class ProjectBaseline
{
    public const string UpdateVariable = "TRIG_UPDATE_BASELINES";

    public static string ProjectsRoot { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "Projects");

    public static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(ProjectsRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static IEnumerable<string> BaselinePaths() =>
        Directory.EnumerateFiles(ProjectsRoot, "*.diagnostics").Order(StringComparer.Ordinal);

    /// <summary>Compiles a case the way <c>trig check</c> compiles a folder: strict UTF-8, the case folder as the project root.</summary>
    public static Compilation Compile(string caseName)
    {
        var loadDiagnostics = new List<Diagnostic>();
        var files = new List<SourceFile>();
        var folder = Path.Combine(ProjectsRoot, caseName);
        foreach (var path in Directory.EnumerateFiles(folder, "*.trig", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(ProjectsRoot, path).Replace('\\', '/');
            files.Add(ProjectLoader.Decode(relative, File.ReadAllBytes(path), loadDiagnostics));
        }
        // Relative paths resolve against the working directory; map template reads back into TestData/Projects.
        var options = CompilationOptions.Default with
        {
            ProjectRoot = caseName,
            ReadFile = full => CompilationOptions.ReadFromDisk(
                Path.Combine(ProjectsRoot, Path.GetRelativePath(Directory.GetCurrentDirectory(), full))),
        };
        return Compilation.Create(files, options, loadDiagnostics);
    }

    public static string Render(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            text.Append(diagnostic.ToString()).Append('\n');
        }
        return text.ToString();
    }

    public static string ReadExpected(string caseName)
    {
        var path = Path.Combine(ProjectsRoot, caseName + ".diagnostics");
        return File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
    }

    /// <summary>Writes the baseline into the source tree (and the output copy, so a rerun passes without a rebuild).</summary>
    public static void Record(string caseName, string actual)
    {
        var sourceRoot = Path.Combine(SourceDirectory(), "TestData", "Projects");
        WriteAtomically(Path.Combine(sourceRoot, caseName + ".diagnostics"), actual);
        WriteAtomically(Path.Combine(ProjectsRoot, caseName + ".diagnostics"), actual);
    }

    /// <summary>Other tests read the baselines while they are re-recorded: never let them see a half-written file.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    public static bool IsUpdating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The test project's source folder (re-recorded baselines are written there).</summary>
    public static string SourceDirectory() => RepositoryPaths.TestProject;
}
