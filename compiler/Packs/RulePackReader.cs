using System.Security.Cryptography;
using System.Text.Json;

namespace TriggerLang.Compiler.Packs;

/// <summary>
/// Reads a rule pack folder and refuses one that cannot be trusted to match:
/// an unknown manifest format, another compiler version (the assembly is
/// compiled against this compiler's evaluation API), an assembly whose SHA-256
/// is not the manifest's, and, when the project is given, other sources. These
/// checks catch mistakes (a stale or mixed-up pack), not attacks: whoever can
/// write the manifest can also rewrite its hashes.
/// </summary>
public static class RulePackReader
{
    /// <summary>Reads and verifies the pack in <paramref name="directory"/>.</summary>
    /// <param name="project">
    /// The project the pack should be built from, compiled with the options
    /// the runtime uses (its project root and channels). Its source hash must
    /// be the manifest's.
    /// </param>
    /// <exception cref="RulePackException">The pack cannot be used; the message says why and what to do.</exception>
    public static RulePack Read(string directory, Compilation? project = null)
    {
        var manifest = ReadManifest(directory);
        if (manifest.FormatVersion != RulePackManifest.CurrentFormatVersion)
        {
            throw new RulePackException($"rule pack {directory} has manifest format {manifest.FormatVersion}; this trig reads format "
                + $"{RulePackManifest.CurrentFormatVersion}: {Rebuild(directory, project)}");
        }
        if (manifest.CompilerVersion != SourceHash.CompilerVersion)
        {
            throw new RulePackException($"rule pack {directory} was built by trig {manifest.CompilerVersion}, "
                + $"this is trig {SourceHash.CompilerVersion}: {Rebuild(directory, project)}");
        }
        var assembly = ReadFile(directory, PackFiles.Assembly);
        var assemblyHash = Convert.ToHexStringLower(SHA256.HashData(assembly));
        if (!string.Equals(assemblyHash, manifest.AssemblySha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new RulePackException($"rule pack {directory}: {PackFiles.Assembly} is not the assembly the manifest describes "
                + $"(SHA-256 {Short(assemblyHash)}, the manifest says {Short(manifest.AssemblySha256)}): {Rebuild(directory, project)}");
        }
        if (project is not null)
        {
            Verify(directory, manifest, project);
        }
        return new RulePack(directory, manifest, assembly);
    }

    /// <summary>Reads the pack and checks it against the project folder <paramref name="sources"/> (see <see cref="Project.ProjectLoader"/>).</summary>
    /// <exception cref="RulePackException">The pack cannot be used, or the sources cannot be read.</exception>
    public static RulePack Read(string directory, Project.ProjectSources sources, CompilationOptions? options = null)
    {
        if (sources.Fatal is { } fatal)
        {
            throw new RulePackException($"rule pack {directory} cannot be checked against {sources.Root}: {fatal.Message}");
        }
        var compilationOptions = (options ?? CompilationOptions.Default) with { ProjectRoot = sources.Root };
        return Read(directory, Compilation.Create(sources.Files, compilationOptions, sources.Diagnostics));
    }

    /// <summary>Refuses the pack when <paramref name="project"/> does not hash to the manifest's source hash.</summary>
    private static void Verify(string directory, RulePackManifest manifest, Compilation project)
    {
        if (project.HasErrors)
        {
            throw new RulePackException($"rule pack {directory} cannot be checked against {ProjectFolder(project)}: the project has errors");
        }
        var actual = SourceHash.Compute(project);
        if (actual != manifest.SourceHash)
        {
            throw new RulePackException($"rule pack {directory} was built from different sources (hash {Short(manifest.SourceHash)}, "
                + $"the sources hash to {Short(actual)}); {Rebuild(directory, project)}");
        }
    }

    private static RulePackManifest ReadManifest(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new RulePackException($"rule pack {directory} does not exist");
        }
        var text = System.Text.Encoding.UTF8.GetString(ReadFile(directory, PackFiles.Manifest));
        try
        {
            return RulePackManifest.FromJson(text);
        }
        catch (JsonException e)
        {
            throw new RulePackException($"rule pack {directory}: {PackFiles.Manifest} is damaged ({e.Message})", e);
        }
    }

    private static byte[] ReadFile(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RulePackException($"rule pack {directory} has no {name}: build it with trig build", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RulePackException($"rule pack {directory}: cannot read {name}: {e.Message}", e);
        }
    }

    private static string Rebuild(string directory, Compilation? project) => $"rebuild it with trig build {ProjectFolder(project)} -o {directory}";

    private static string ProjectFolder(Compilation? project) => project?.Options.ProjectRoot ?? "DIR";

    /// <summary>Enough of a hash to tell two apart in a message.</summary>
    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
