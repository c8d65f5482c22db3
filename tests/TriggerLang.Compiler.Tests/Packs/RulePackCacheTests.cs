using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Packs;

namespace TriggerLang.Compiler.Tests.Packs;

/// <summary>An unchanged project loads from the cache without Roslyn; a damaged entry is rebuilt, never a crash.</summary>
public class RulePackCacheTests
{
    [Fact]
    public void The_second_load_of_an_unchanged_project_comes_from_the_cache()
    {
        using var project = PackProjects.Create();
        using var folder = new TempFolder();
        var cache = new RulePackCache(folder.Path);

        using (var first = LoadOrCompile(cache, project))
        {
            Assert.False(first.FromCache);
        }
        var second = cache.LoadOrCompile(project.Compile());

        Assert.True(second.FromCache);
        using var pack = second.Pack!;
        Assert.NotNull(pack.Evaluators.NewEvent("cart_abandoned"));
        Assert.True(Directory.Exists(cache.EntryPath(second.Manifest!.SourceHash)));
    }

    [Fact]
    public void A_changed_template_is_compiled_again()
    {
        using var project = PackProjects.Create();
        using var folder = new TempFolder();
        var cache = new RulePackCache(folder.Path);
        using (LoadOrCompile(cache, project))
        {
        }

        project.With("rules/templates/cart.liquid", "Changed.");
        using var changed = LoadOrCompile(cache, project);

        Assert.False(changed.FromCache);
        Assert.Equal(2, Directory.GetDirectories(folder.Path).Length);
    }

    [Theory]
    [InlineData(PackFiles.Assembly, "not an assembly")]
    [InlineData(PackFiles.Manifest, "{ not json")]
    [InlineData(PackFiles.Manifest, "")]
    public void A_damaged_entry_is_rebuilt(string file, string content)
    {
        using var project = PackProjects.Create();
        using var folder = new TempFolder();
        var cache = new RulePackCache(folder.Path);
        string entry;
        using (var first = LoadOrCompile(cache, project))
        {
            entry = cache.EntryPath(first.Manifest!.SourceHash);
        }
        File.WriteAllText(Path.Combine(entry, file), content);

        using (var rebuilt = LoadOrCompile(cache, project))
        {
            Assert.False(rebuilt.FromCache);
        }
        using var again = LoadOrCompile(cache, project);

        Assert.True(again.FromCache);
    }

    [Fact]
    public void An_entry_that_is_an_empty_folder_is_rebuilt()
    {
        using var project = PackProjects.Create();
        using var folder = new TempFolder();
        var cache = new RulePackCache(folder.Path);
        Directory.CreateDirectory(cache.EntryPath(SourceHash.Compute(project.Compile())));

        using var result = LoadOrCompile(cache, project);

        Assert.False(result.FromCache);
        Assert.True(File.Exists(Path.Combine(cache.EntryPath(result.Manifest!.SourceHash), PackFiles.Manifest)));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_still_gives_the_pack()
    {
        using var project = PackProjects.Create();
        using var folder = new TempFolder();
        folder.With("cache", "a file where the cache folder should be");
        var cache = new RulePackCache(folder["cache"]);

        using var result = LoadOrCompile(cache, project);

        Assert.False(result.FromCache);
        Assert.NotNull(result.Pack);
    }

    /// <summary>Disposing the result unloads its pack, so that tests do not keep load contexts alive.</summary>
    private static DisposableResult LoadOrCompile(RulePackCache cache, TempFolder project)
    {
        var result = cache.LoadOrCompile(project.Compile());
        Assert.True(result.Pack is not null, string.Join("\n", result.Diagnostics));
        return new DisposableResult(result);
    }

    private sealed class DisposableResult(CachedRulePack result) : IDisposable
    {
        public bool FromCache => result.FromCache;

        public RulePackManifest? Manifest => result.Manifest;

        public LoadedRulePack? Pack => result.Pack;

        public void Dispose() => result.Pack?.Dispose();
    }
}
