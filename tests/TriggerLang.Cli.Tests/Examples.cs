using System.Reflection;

namespace TriggerLang.Cli.Tests;

/// <summary>The example projects of the repository, found through the source root recorded at build time.</summary>
public static class Examples
{
    private static readonly Lazy<string> Root = new(() =>
        typeof(Examples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    /// <summary>The full path of the repository's root folder.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The full path of <c>examples/NAME</c>.</summary>
    public static string Path(string name) => System.IO.Path.Combine(Root.Value, "examples", name);
}
