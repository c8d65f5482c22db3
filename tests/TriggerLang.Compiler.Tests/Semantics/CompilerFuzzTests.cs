using CsCheck;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Project;
using TriggerLang.Compiler.Tests.Parsing;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Semantics;

/// <summary>
/// The whole compiler (parse, bind, check, templates) on the example projects
/// with one file broken at random: it must never throw and never hit an
/// internal error, only report diagnostics at places inside the files.
/// </summary>
public class CompilerFuzzTests
{
    private static readonly Lazy<ProjectSources[]> Projects = new(() =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "examples")).Order(StringComparer.Ordinal).Select(ProjectLoader.Load)]);

    [Fact]
    public void Mutated_example_projects_compile_to_diagnostics_never_to_exceptions()
    {
        Assert.NotEmpty(Projects.Value);
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], MutationFuzzTests.Edits).Sample(
            (project, file, edits) => CompileMutant(Projects.Value[project % Projects.Value.Length], file, edits),
            iter: 1500);
    }

    private static void CompileMutant(ProjectSources project, int fileIndex, (int Kind, int A, int B, char C)[] edits)
    {
        var target = fileIndex % project.Files.Count;
        var files = project.Files
            .Select((file, i) => i == target ? new SourceFile(file.Path, MutationFuzzTests.Mutate(file.Text, edits)) : file)
            .ToList();
        var compilation = Compilation.Create(files, CompilationOptions.Default with { ProjectRoot = project.Root });

        var diagnostics = compilation.Diagnostics;
        _ = compilation.Model;
        Assert.DoesNotContain(diagnostics, d => d.Descriptor == DiagnosticCatalog.InternalError);
        foreach (var diagnostic in diagnostics.Where(d => d.Location is not null))
        {
            var location = diagnostic.Location!.Value;
            Assert.InRange(location.Span.End, 0, location.File.Text.Length);
        }
    }
}
