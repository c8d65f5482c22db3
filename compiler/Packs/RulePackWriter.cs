using System.Collections.Immutable;
using System.Text;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Emit;

namespace TriggerLang.Compiler.Packs;

/// <summary>The outcome of building a pack: its manifest, or (when code generation failed, a bug in trig) none and the diagnostics.</summary>
public sealed record RulePackOutput(RulePackManifest? Manifest, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Manifest is not null;
}

/// <summary>Writes rule pack folders: <c>rules.dll</c>, <c>RulePack.g.cs</c> and, last, <c>manifest.json</c>.</summary>
public static class RulePackWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Compiles a project without errors and writes its pack to <paramref name="directory"/> (created if needed).</summary>
    /// <exception cref="IOException">The folder or a file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or a file cannot be written.</exception>
    public static RulePackOutput Build(Compilation compilation, string directory)
    {
        var build = RulePackCompiler.Compile(compilation);
        if (!build.Succeeded)
        {
            return new RulePackOutput(null, build.Diagnostics);
        }
        var manifest = RulePackManifest.Create(compilation, build, DateTimeOffset.UtcNow);
        Write(directory, manifest, build);
        return new RulePackOutput(manifest, []);
    }

    /// <summary>
    /// Writes the three files. The manifest goes last: a folder left half
    /// written by a crash has no manifest, or one whose assembly hash does not
    /// match, and readers refuse it.
    /// </summary>
    public static void Write(string directory, RulePackManifest manifest, RulePackBuild build)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, PackFiles.Assembly), build.Assembly ?? throw new ArgumentException("the build failed", nameof(build)));
        File.WriteAllText(Path.Combine(directory, PackFiles.Source), build.Source, Utf8NoBom);
        File.WriteAllText(Path.Combine(directory, PackFiles.Manifest), manifest.ToJson() + "\n", Utf8NoBom);
    }
}
