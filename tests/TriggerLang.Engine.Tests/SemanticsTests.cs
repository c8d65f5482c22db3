using TriggerLang.Engine.Simulation;

namespace TriggerLang.Engine.Tests;

/// <summary>
/// The decision semantics of LANGUAGE.md §3, §7 and §11, one clause per
/// folder under TestData/Semantics, written as the `test` blocks users write
/// (§10): each block must pass. The examples' own tests must pass too.
/// </summary>
public sealed class SemanticsTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "TestData", "Semantics")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_test_block_passes(string project) =>
        AssertTestsPass(Path.Combine(AppContext.BaseDirectory, "TestData", "Semantics", project));

    [Theory]
    [InlineData("cart-abandonment")]
    [InlineData("followers-digest")]
    [InlineData("onboarding")]
    public void The_examples_tests_pass(string example) =>
        AssertTestsPass(Path.Combine(RepositoryPaths.Root, "examples", example));

    private static void AssertTestsPass(string directory)
    {
        using var project = RuleProjects.FromFolder(directory);
        Assert.NotEmpty(project.Compilation.Model.Tests);
        var runner = project.CreateTestRunner();
        var failures = project.Compilation.Model.Tests
            .Select(runner.Run)
            .Where(r => !r.Passed)
            .SelectMany(r => r.Failures.Select(f => $"{f.Location}: test \"{r.Test.Name}\": expected {f.Expected}, but {f.Problem}\n"
                + string.Join("\n", f.Actual.Select(o => $"    {o.Time:O} {o.Status} {o.Reason} via {o.Channel} [{string.Join(" / ", o.Explanation)}]"))))
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
