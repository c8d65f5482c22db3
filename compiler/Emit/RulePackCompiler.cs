using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
/// (the core library, System.Text.Json and the evaluation API). A compile error
/// in generated code is a bug in trig: it is reported as an internal error
/// naming the rule, never as Roslyn output.
/// </summary>
public static class RulePackCompiler
{
    /// <summary>The assemblies generated code may reference, by simple name.</summary>
    public static IReadOnlyList<string> AllowedAssemblies { get; } =
        ["System.Private.CoreLib", "System.Runtime", "System.Text.Json", "System.Memory", "System.Collections", "TriggerLang.Evaluation"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static RulePackBuild Compile(Compilation compilation) => Compile(compilation, static source => source);

    /// <param name="rewrite">Lets tests break the generated source, to prove that a compile error becomes an internal-error diagnostic.</param>
    internal static RulePackBuild Compile(Compilation compilation, Func<string, string> rewrite)
    {
        var (source, emitter, csharp) = Generate(compilation, rewrite);
        using var assembly = new MemoryStream();
        var result = csharp.Emit(assembly);
        if (result.Success)
        {
            return new RulePackBuild(source, assembly.ToArray(), []);
        }
        var errors = result.Diagnostics
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(d => InternalError(compilation, emitter, d))
            .GroupBy(d => d.Location) // one report per rule: its first error
            .Select(g => g.First())
            .ToImmutableArray();
        return new RulePackBuild(source, null, errors);
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
        var emitter = new CSharpEmitter(compilation.Model);
        var source = rewrite is null ? emitter.Emit() : rewrite(emitter.Emit());
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "RulePack.g.cs", encoding: Encoding.UTF8);
        var name = "TriggerLang.RulePack." + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];
        var csharp = CSharpCompilation.Create(name, [tree], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        return new GeneratedRulePack(source, emitter, csharp);
    }

    private static Diagnostics.Diagnostic InternalError(Compilation compilation, CSharpEmitter emitter, Microsoft.CodeAnalysis.Diagnostic error)
    {
        var line = error.Location.GetLineSpan().StartLinePosition.Line;
        var ruleName = emitter.RuleLines.FirstOrDefault(r => line >= r.FirstLine && line < r.LastLine).Rule
            ?? RuleOfDispatchLine(compilation, error);
        var rule = ruleName is null ? null : compilation.Model.Rule(ruleName);
        var what = ruleName is null ? "generating the rule pack" : $"generating code for rule `{ruleName}`";
        var exception = new InvalidOperationException($"generated code does not compile ({error.Id} at line {line + 1})");
        return (rule is null ? DiagnosticBuilder.ForProject() : new DiagnosticBuilder(rule.Location)).InternalError(what, exception);
    }

    /// <summary>An error on a dispatch arm (<c>1 => R1Where(…)</c>) belongs to the rule whose generated method it calls.</summary>
    private static string? RuleOfDispatchLine(Compilation compilation, Microsoft.CodeAnalysis.Diagnostic error)
    {
        var text = error.Location.SourceTree?.GetText().Lines[error.Location.GetLineSpan().StartLinePosition.Line].ToString() ?? "";
        var match = System.Text.RegularExpressions.Regex.Match(text, @"\bR(\d+)(Where|Unless|Goal|Audience)");
        return match.Success && int.TryParse(match.Groups[1].Value, out var index) && index < compilation.Model.Rules.Length
            ? compilation.Model.Rules[index].Name
            : null;
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
