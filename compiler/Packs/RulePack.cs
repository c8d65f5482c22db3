using TriggerLang.Compiler.Emit;

namespace TriggerLang.Compiler.Packs;

/// <summary>A rule pack read and verified by <see cref="RulePackReader"/>; <see cref="Load"/> makes it runnable.</summary>
public sealed record RulePack(string Directory, RulePackManifest Manifest, byte[] Assembly)
{
    /// <summary>Loads the assembly into its own collectible context; dispose the result to unload it.</summary>
    public LoadedRulePack Load() => LoadedRulePack.Load(Assembly);
}
