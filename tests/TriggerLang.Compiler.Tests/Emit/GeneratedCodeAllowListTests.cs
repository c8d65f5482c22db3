using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Project;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>
/// Generated code binds, by Roslyn's semantic model, only to the allowed
/// assemblies, and calls only the evaluation API, a few framework members and
/// its own methods; its compilation references exactly the allow-list.
/// </summary>
public class GeneratedCodeAllowListTests
{
    public static TheoryData<string> Projects => ["examples/cart-abandonment", "examples/followers-digest", "examples/onboarding", "every-expression", "hostile"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Generated_code_binds_only_to_the_allow_list(string project)
    {
        // With nullable warnings on, as the builds (annotations only, for speed) do not: the annotations must hold.
        var generated = RulePackCompiler.Generate(Load(project), WithNullableWarnings).CSharp;
        Assert.Empty(generated.GetDiagnostics());
        var checkedSymbols = 0;
        foreach (var (node, model) in generated.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().Select(n => (n, generated.GetSemanticModel(t)))))
        {
            if (node is not ExpressionSyntax || model.GetSymbolInfo(node).Symbol is not { } symbol)
            {
                continue;
            }
            Assert.True(SymbolAllowList.InAllowedAssembly(symbol, generated.Assembly), $"`{node}` binds to {symbol} in {symbol.ContainingAssembly}");
            var type = symbol as ITypeSymbol ?? symbol.ContainingType;
            if (symbol is not (ILocalSymbol or IParameterSymbol or INamespaceSymbol or IRangeVariableSymbol) && type is not null)
            {
                Assert.True(SymbolAllowList.MayUse(type), $"`{node}` uses {symbol} of type {type}");
            }
            if (symbol is IMethodSymbol method)
            {
                Assert.True(SymbolAllowList.MayCall(method), $"`{node}` calls {method}");
            }
            checkedSymbols++;
        }
        Assert.True(checkedSymbols > 50, $"only {checkedSymbols} symbols bound");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Generated_code_declares_nothing_that_reaches_outside(string project)
    {
        var roots = RulePackCompiler.Generate(Load(project)).CSharp.SyntaxTrees.Select(t => t.GetRoot()).ToList();

        // The only using directives are the two aliases that shorten the code, at the top of the first unit.
        Assert.Equal(
            [$"global using {GeneratedNames.EvaluationAlias} = global::TriggerLang.Evaluation;", $"global using {GeneratedNames.OpsAlias} = global::TriggerLang.Evaluation.TrigOps;"],
            roots.SelectMany(r => r.DescendantNodes().OfType<UsingDirectiveSyntax>()).Select(u => u.ToString()));
        Assert.All(roots.Skip(1), r => Assert.Empty(r.DescendantNodes().OfType<UsingDirectiveSyntax>()));
        Assert.True(roots.Count > 1, "the rules are in units of their own");
        foreach (var root in roots)
        {
            Assert.Empty(root.DescendantNodes().OfType<ExternAliasDirectiveSyntax>());
            Assert.Empty(root.DescendantNodes().OfType<AttributeListSyntax>());
            Assert.DoesNotContain(root.DescendantNodes(), n => n is PointerTypeSyntax or FunctionPointerTypeSyntax or UnsafeStatementSyntax or FixedStatementSyntax);
            Assert.DoesNotContain(root.DescendantTokens(), t => t.Kind() is SyntaxKind.UnsafeKeyword or SyntaxKind.ExternKeyword
                or SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword or SyntaxKind.RefValueKeyword or SyntaxKind.RefTypeKeyword
                or SyntaxKind.TypeOfKeyword or SyntaxKind.StackAllocKeyword);
        }
    }

    [Fact]
    public void The_compilation_references_exactly_the_allow_list()
    {
        var generated = RulePackCompiler.Generate(Load("every-expression")).CSharp;

        var referenced = generated.References.Select(r => Path.GetFileNameWithoutExtension(((PortableExecutableReference)r).FilePath)).Order();
        Assert.Equal(RulePackCompiler.AllowedAssemblies.Order(), referenced);
        var used = generated.GetUsedAssemblyReferences().Select(r => Path.GetFileNameWithoutExtension(((PortableExecutableReference)r).FilePath));
        Assert.All(used, name => Assert.Contains(name, RulePackCompiler.AllowedAssemblies));
    }

    private static string WithNullableWarnings(string unit) =>
        unit.Replace("#nullable enable annotations\n", "#nullable enable\n", StringComparison.Ordinal);

    private static Compilation Load(string project)
    {
        var compilation = project switch
        {
            "every-expression" => Compilation.Create([
                new SourceFile("schema.trig", EveryExpressionProject.Schema), new SourceFile("rules.trig", EveryExpressionProject.Rules)]),
            "hostile" => Compilation.Create(HostileProject.Hostile("/nonexistent/victim", "/nonexistent/created").Files()
                .Select(f => new SourceFile(f.Path, f.Text))),
            _ => FromDisk(project),
        };
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        return compilation;
    }

    private static Compilation FromDisk(string project)
    {
        var sources = ProjectLoader.Load(Path.Combine(RepositoryPaths.Root, project));
        return Compilation.Create(sources.Files, CompilationOptions.Default with { ProjectRoot = sources.Root });
    }
}
