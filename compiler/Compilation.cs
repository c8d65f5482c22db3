using System.Collections.Immutable;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler;

/// <summary>
/// A rules project compiled as one namespace: its syntax trees, its
/// semantic model and every diagnostic. Binding is done once, on first use.
/// Never throws on bad input; an unexpected failure inside the compiler
/// becomes an internal-error diagnostic that names the rule.
/// </summary>
public sealed class Compilation
{
    private readonly Lazy<(SemanticModel Model, ImmutableArray<Diagnostic> Diagnostics)> _bound;

    private Compilation(ImmutableArray<SyntaxTree> trees, CompilationOptions options, ImmutableArray<Diagnostic> loadDiagnostics)
    {
        SyntaxTrees = trees;
        Options = options;
        _bound = new Lazy<(SemanticModel, ImmutableArray<Diagnostic>)>(() => Bind(loadDiagnostics));
    }

    public ImmutableArray<SyntaxTree> SyntaxTrees { get; }

    public CompilationOptions Options { get; }

    public SemanticModel Model => _bound.Value.Model;

    /// <summary>All diagnostics, sorted by file, then position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => _bound.Value.Diagnostics;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public static Compilation Create(IEnumerable<SyntaxTree> trees, CompilationOptions? options = null,
        IEnumerable<Diagnostic>? loadDiagnostics = null) =>
        new([.. trees.OrderBy(t => t.File.Path, StringComparer.Ordinal)], options ?? CompilationOptions.Default, [.. loadDiagnostics ?? []]);

    public static Compilation Create(IEnumerable<SourceFile> files, CompilationOptions? options = null,
        IEnumerable<Diagnostic>? loadDiagnostics = null) =>
        Create(files.Select(ParseSafely), options, loadDiagnostics);

    /// <summary>The parser never throws on bad input by design; if a bug makes it throw, the file still gets a (empty) tree and a diagnostic.</summary>
    private static SyntaxTree ParseSafely(SourceFile file)
    {
        try
        {
            return TrigParser.Parse(file);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var root = new CompilationUnitSyntax(file, new TextSpan(0, file.Text.Length), [], []);
            return new SyntaxTree(root, [DiagnosticBuilder.At(file, new TextSpan(0, 0)).InternalError("parsing this file", e)]);
        }
    }

    private (SemanticModel, ImmutableArray<Diagnostic>) Bind(ImmutableArray<Diagnostic> loadDiagnostics)
    {
        var diagnostics = new List<Diagnostic>(loadDiagnostics);
        foreach (var tree in SyntaxTrees)
        {
            diagnostics.AddRange(tree.Diagnostics);
        }

        var (schema, settings, limits) = new DeclarationBinder(Options.Channels, diagnostics).Bind(SyntaxTrees);
        var rules = BindRules(schema, diagnostics);
        var tests = BindTests(schema, rules.ToDictionary(r => r.Name, StringComparer.Ordinal), diagnostics);

        var sorted = diagnostics
            .Distinct()
            .OrderBy(d => d.Location?.File.Path ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Location?.Span.Start ?? 0)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToImmutableArray();
        return (new SemanticModel(schema, settings, limits, rules, tests), sorted);
    }

    private ImmutableArray<BoundRule> BindRules(Schema schema, List<Diagnostic> diagnostics)
    {
        var binder = new RuleBinder(schema, Options, diagnostics);
        var rules = ImmutableArray.CreateBuilder<BoundRule>();
        var byName = new Dictionary<string, (Location Location, bool NamedAfterFile)>(StringComparer.Ordinal);
        foreach (var tree in SyntaxTrees)
        {
            var declarations = tree.Root.Items.OfType<RuleDeclarationSyntax>().ToList();
            foreach (var (rule, name, anonymous) in RuleNamer.Name(tree.File, declarations, diagnostics))
            {
                var location = new Location(tree.File, rule.Name?.Span ?? rule.On.Span);
                var namedAfterFile = anonymous && name == tree.File.Stem;
                var duplicate = byName.TryGetValue(name, out var first);
                if (duplicate)
                {
                    var at = DiagnosticBuilder.At(tree.File, location.Span);
                    diagnostics.Add(namedAfterFile
                        ? at.DuplicateAnonymousRule(name, first.Location)
                        : at.DuplicateRule(name, first.Location, first.NamedAfterFile));
                }
                else
                {
                    byName[name] = (location, namedAfterFile);
                }
                try
                {
                    // A rule whose name is taken is still checked, so that all its mistakes show at once, but it is not part of the model.
                    var bound = binder.Bind(tree.File, rule, name, anonymous);
                    if (!duplicate)
                    {
                        rules.Add(bound);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    diagnostics.Add(DiagnosticBuilder.At(tree.File, location.Span).InternalError($"checking rule `{name}`", e));
                }
            }
        }
        return rules.ToImmutable();
    }

    private ImmutableArray<BoundTest> BindTests(Schema schema, IReadOnlyDictionary<string, BoundRule> rules, List<Diagnostic> diagnostics)
    {
        var binder = new TestBinder(schema, Options.Channels, rules, diagnostics);
        var tests = ImmutableArray.CreateBuilder<BoundTest>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in SyntaxTrees)
        {
            foreach (var test in tree.Root.Items.OfType<TestDeclarationSyntax>())
            {
                var duplicate = !names.Add(test.Name.Value);
                if (duplicate)
                {
                    diagnostics.Add(DiagnosticBuilder.At(tree.File, test.Name.Span).DuplicateTest(test.Name.Value));
                }
                try
                {
                    // Like a rule with a taken name, a test with a taken name is still checked but left out of the model.
                    var bound = binder.Bind(tree.File, test);
                    if (!duplicate)
                    {
                        tests.Add(bound);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    diagnostics.Add(DiagnosticBuilder.At(tree.File, test.Name.Span).InternalError($"checking test \"{test.Name.Value}\"", e));
                }
            }
        }
        return tests.ToImmutable();
    }
}
