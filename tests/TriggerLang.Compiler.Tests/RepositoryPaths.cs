using System.Reflection;

namespace TriggerLang.Compiler.Tests;

/// <summary>
/// Where the source tree is, for tests that read examples/ and docs/ or
/// re-record golden files (TRIG_UPDATE_BASELINES=1) into the tree.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding TriggerLang.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>This test project's source folder.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "TriggerLang.Compiler.Tests");

    /// <summary>
    /// Walks up from the test assembly; when the build put its output outside
    /// the tree (<c>--artifacts-path</c>), falls back to the root recorded at build time.
    /// </summary>
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriggerLang.sln")))
            {
                return dir.FullName;
            }
        }
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "TriggerLang.sln")))
        {
            return Path.GetFullPath(recorded);
        }
        throw new InvalidOperationException("cannot find the folder holding TriggerLang.sln above " + AppContext.BaseDirectory);
    }
}
