using System.Reflection;

namespace TriggerLang.Runtime.Tests;

/// <summary>The repository's root, recorded at build time, so that tests can read the examples wherever the build output lives.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;
}
