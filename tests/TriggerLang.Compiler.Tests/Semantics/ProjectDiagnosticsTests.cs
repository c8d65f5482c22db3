namespace TriggerLang.Compiler.Tests.Semantics;

/// <summary>
/// Every folder under TestData/Projects is a project; its .diagnostics file
/// lists exactly what <c>trig check</c> must report for it (an empty file: nothing).
/// </summary>
public class ProjectDiagnosticsTests
{
    public static TheoryData<string> Projects => new(ProjectBaseline.CaseNames());

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_reports_exactly_the_diagnostics_in_its_baseline(string project)
    {
        var actual = ProjectBaseline.Render(ProjectBaseline.Compile(project).Diagnostics);
        if (ProjectBaseline.IsUpdating)
        {
            ProjectBaseline.Record(project, actual);
            return;
        }
        var expected = ProjectBaseline.ReadExpected(project);
        Assert.True(expected == actual,
            $"Diagnostics of TestData/Projects/{project} differ from {project}.diagnostics.\n"
            + $"Actual:\n{actual}\nExpected:\n{expected}\n"
            + $"If the new output is right, re-record and review the change:\n"
            + $"  {ProjectBaseline.UpdateVariable}=1 dotnet test tests/TriggerLang.Compiler.Tests --filter \"FullyQualifiedName~{nameof(ProjectDiagnosticsTests)}\"\n"
            + $"  git diff -- tests/TriggerLang.Compiler.Tests/TestData/Projects/{project}.diagnostics");
    }
}
