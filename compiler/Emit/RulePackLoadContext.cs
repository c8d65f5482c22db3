using System.Reflection;
using System.Runtime.Loader;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// A collectible load context for one rule pack: unloading it frees the
/// generated code. The evaluation API is resolved from the host, so that the
/// pack's records and the engine share one <c>EventRecord</c> type.
/// </summary>
internal sealed class RulePackLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
