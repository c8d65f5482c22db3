namespace TriggerLang.Compiler.Packs;

/// <summary>The files of a rule pack folder.</summary>
public static class PackFiles
{
    /// <summary>The evaluator assembly, as <see cref="Emit.RulePackCompiler"/> produced it.</summary>
    public const string Assembly = "rules.dll";

    /// <summary>What the pack holds and what it was built from (<see cref="RulePackManifest"/>).</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The generated C#, kept so that a reviewer can audit what runs; never read back.</summary>
    public const string Source = "RulePack.g.cs";
}
