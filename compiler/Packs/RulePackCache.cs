using System.Collections.Immutable;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Emit;

namespace TriggerLang.Compiler.Packs;

/// <summary>
/// A pack from <see cref="RulePackCache.LoadOrCompile"/>. <see cref="Pack"/> is
/// null only when code generation failed (a bug in trig, in
/// <see cref="Diagnostics"/>). <see cref="FromCache"/> says the pack was loaded
/// without running Roslyn.
/// </summary>
public sealed record CachedRulePack(LoadedRulePack? Pack, RulePackManifest? Manifest, bool FromCache, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Compiled packs on disk, one folder per source hash, so that an unchanged
/// project loads without compiling. An entry is an ordinary pack folder,
/// verified by <see cref="RulePackReader"/> like any other; an entry that is
/// damaged, half written or from another compiler is deleted and rebuilt. The
/// cache only saves time: when it cannot be read or written, the project is
/// compiled as if there were none. The key carries the compiler's version
/// (with its commit), not its build: while changing the compiler itself, point
/// <c>TRIG_CACHE_DIR</c> at a scratch folder or delete the cache.
/// </summary>
public sealed class RulePackCache(string directory)
{
    /// <summary>The environment variable that moves the cache (CI runners, read-only homes).</summary>
    public const string DirectoryVariable = "TRIG_CACHE_DIR";

    public RulePackCache() : this(DefaultDirectory)
    {
    }

    public string Directory { get; } = directory;

    /// <summary><c>$TRIG_CACHE_DIR</c>, else <c>~/.cache/triggerlang/packs</c>.</summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "triggerlang", "packs");

    /// <summary>The folder of the entry for a source hash.</summary>
    public string EntryPath(string sourceHash) => Path.Combine(Directory, sourceHash);

    /// <summary>The project's pack: from the cache when its source hash is there, else compiled and stored.</summary>
    public CachedRulePack LoadOrCompile(Compilation compilation)
    {
        if (compilation.HasErrors)
        {
            throw new InvalidOperationException("a project with errors has no rule pack; check Compilation.Diagnostics first");
        }
        var hash = SourceHash.Compute(compilation);
        var entry = EntryPath(hash);
        if (TryLoad(entry, hash) is { } cached)
        {
            return cached;
        }

        var build = RulePackCompiler.Compile(compilation);
        if (!build.Succeeded)
        {
            return new CachedRulePack(null, null, false, build.Diagnostics);
        }
        var manifest = RulePackManifest.Create(compilation, build, DateTimeOffset.UtcNow);
        TryStore(entry, manifest, build);
        return new CachedRulePack(LoadedRulePack.Load(build.Assembly!), manifest, false, []);
    }

    private static CachedRulePack? TryLoad(string entry, string hash)
    {
        if (!System.IO.Directory.Exists(entry))
        {
            return null;
        }
        try
        {
            var pack = RulePackReader.Read(entry);
            if (pack.Manifest.SourceHash != hash)
            {
                throw new RulePackException($"cache entry {entry} holds the pack of other sources");
            }
            return new CachedRulePack(pack.Load(), pack.Manifest, true, []);
        }
        // Anything wrong with an entry (refused by the reader, unreadable, an assembly that does not load) means: rebuild it.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            TryDelete(entry);
            return null;
        }
    }

    /// <summary>
    /// Writes the entry into a private folder, then renames it into place, so
    /// that a process reading the cache never sees half an entry, and two
    /// processes storing the same project at once both succeed.
    /// </summary>
    private void TryStore(string entry, RulePackManifest manifest, RulePackBuild build)
    {
        var staging = Path.Combine(Directory, $".staging-{Guid.NewGuid():N}");
        try
        {
            RulePackWriter.Write(staging, manifest, build);
            // A damaged entry was deleted when it was refused; one that is here now was stored by another process, and is kept.
            System.IO.Directory.Move(staging, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process stored it first, or the cache is not writable: either way this process has its pack.
            TryDelete(staging);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run; an entry that cannot be deleted is still refused on every read.
        }
    }
}
