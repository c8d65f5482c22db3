using System.Runtime.CompilerServices;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// A rule pack loaded into its own collectible context. Dispose unloads it;
/// the memory is freed once nothing references its evaluators or records.
/// </summary>
public sealed class LoadedRulePack : IDisposable
{
    private readonly RulePackLoadContext _context;

    private LoadedRulePack(RulePackLoadContext context, IRuleEvaluators evaluators)
    {
        _context = context;
        Evaluators = evaluators;
    }

    public IRuleEvaluators Evaluators { get; }

    /// <summary>Loads an assembly produced by <see cref="RulePackCompiler"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static LoadedRulePack Load(byte[] assembly)
    {
        var context = new RulePackLoadContext("TriggerLang rule pack");
        using var stream = new MemoryStream(assembly);
        var loaded = context.LoadFromStream(stream);
        var type = loaded.GetType($"{GeneratedNames.Namespace}.{GeneratedNames.PackClass}", throwOnError: true)!;
        return new LoadedRulePack(context, (IRuleEvaluators)Activator.CreateInstance(type)!);
    }

    /// <summary>A weak handle on the load context, so that tests can watch it being collected.</summary>
    public WeakReference ContextReference() => new(_context);

    public void Dispose() => _context.Unload();
}
