using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Emit;

/// <summary>The result of compiling a project's rules: the generated source, the assembly (null on failure) and diagnostics.</summary>
public sealed record RulePackBuild(string Source, byte[]? Assembly, ImmutableArray<Diagnostics.Diagnostic> Diagnostics)
{
    public bool Succeeded => Assembly is not null;
}

/// <summary>
/// Compiles a checked project into a rule-pack assembly with Roslyn, in memory
/// and in release mode. The generated code may reference only the allow-list
/// (the core library, System.Text.Json and the evaluation API), and every
/// emitted assembly is audited against it (<see cref="PackAudit"/>). A compile
/// error in generated code, or a failed audit, is a bug in trig: it is
/// reported as an internal error naming the rule, never as Roslyn output.
/// </summary>
public static class RulePackCompiler
{
    /// <summary>The assemblies generated code may reference, by simple name.</summary>
    public static IReadOnlyList<string> AllowedAssemblies { get; } =
        ["System.Private.CoreLib", "System.Runtime", "System.Text.Json", "System.Memory", "System.Collections", "TriggerLang.Evaluation"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static RulePackBuild Compile(Compilation compilation) => Compile(compilation, static source => source);

    /// <param name="rewrite">Applied to each generated unit: lets tests break the code, to prove that a compile error becomes an internal-error diagnostic.</param>
    internal static RulePackBuild Compile(Compilation compilation, Func<string, string> rewrite)
    {
        var (source, csharp) = Generate(compilation, rewrite);
        using var assembly = new MemoryStream();
        var result = csharp.Emit(assembly);
        if (!result.Success)
        {
            var errors = result.Diagnostics
                .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                .Select(d => InternalError(compilation, d))
                .GroupBy(d => d.Location) // one report per rule: its first error
                .Select(g => g.First())
                .ToImmutableArray();
            return new RulePackBuild(source, null, errors);
        }
        var bytes = assembly.ToArray();
        if (PackAudit.Violations(bytes) is [var first, ..] violations)
        {
            var exception = new InvalidOperationException($"the emitted assembly breaks the allow-list ({violations.Count}; first: {first})");
            return new RulePackBuild(source, null, [DiagnosticBuilder.ForProject().InternalError("auditing the rule pack", exception)]);
        }
        return new RulePackBuild(source, bytes, []);
    }

    /// <summary>
    /// The generated source and the Roslyn compilation of it, before emit: what
    /// <see cref="Compile"/> builds, exposed so that tests can audit the code's
    /// tokens and the symbols it binds to.
    /// </summary>
    internal static GeneratedRulePack Generate(Compilation compilation, Func<string, string>? rewrite = null)
    {
        if (compilation.HasErrors)
        {
            throw new InvalidOperationException("a project with errors cannot be compiled to a rule pack; check Compilation.Diagnostics first");
        }
        var units = new CSharpEmitter(compilation.Model).Emit().Select(rewrite ?? (static s => s)).ToArray();
        // Parsing is per unit and independent: spread it over the cores.
        var trees = new SyntaxTree[units.Length];
        Parallel.For(0, units.Length, i =>
            trees[i] = CSharpSyntaxTree.ParseText(units[i], ParseOptions, path: $"RulePack.{i}.g.cs", encoding: Encoding.UTF8));
        var source = string.Concat(units);
        var name = "TriggerLang.RulePack." + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];
        var csharp = CSharpCompilation.Create(name, trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Annotations, deterministic: true));
        return new GeneratedRulePack(source, csharp);
    }

    private static Diagnostics.Diagnostic InternalError(Compilation compilation, Microsoft.CodeAnalysis.Diagnostic error)
    {
        var ruleName = RuleOf(error) is { } index && index < compilation.Model.Rules.Length ? compilation.Model.Rules[index].Name : null;
        var rule = ruleName is null ? null : compilation.Model.Rule(ruleName);
        var what = ruleName is null ? "generating the rule pack" : $"generating code for rule `{ruleName}`";
        var span = error.Location.GetLineSpan();
        var exception = new InvalidOperationException($"generated code does not compile ({error.Id} at {span.Path}:{span.StartLinePosition.Line + 1})");
        return (rule is null ? DiagnosticBuilder.ForProject() : new DiagnosticBuilder(rule.Location)).InternalError(what, exception);
    }

    /// <summary>The rule an error belongs to: the rule class around it (<c>class R5</c>); null for the records and the rest of the pack.</summary>
    private static int? RuleOf(Microsoft.CodeAnalysis.Diagnostic error)
    {
        if (error.Location.SourceTree is not { } tree)
        {
            return null;
        }
        var node = tree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (ancestor is ClassDeclarationSyntax type && GeneratedNames.RuleIndex(type.Identifier.Text) is { } index)
            {
                return index;
            }
        }
        return null;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var paths = trusted
            .Where(p => AllowedAssemblies.Contains(Path.GetFileNameWithoutExtension(p)))
            .Append(typeof(EventRecord).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
