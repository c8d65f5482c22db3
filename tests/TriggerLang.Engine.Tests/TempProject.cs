namespace TriggerLang.Engine.Tests;

/// <summary>A one-file project written to a temporary folder and opened like any project on disk.</summary>
internal static class TempProject
{
    public static RuleProject Open(string text)
    {
        var directory = Directory.CreateTempSubdirectory("trig-engine-test-");
        File.WriteAllText(Path.Combine(directory.FullName, "rules.trig"), text);
        try
        {
            return SemanticsTests.Open(directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
