using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

/// <summary>Applies the server's edits the way an editor would, to check what they make of the text.</summary>
internal static class TextEdits
{
    public static string Apply(string text, TextEdit edit)
    {
        var file = new Compiler.Text.SourceFile("x", text);
        var start = file.GetOffset(new(edit.Range.Start.Line, edit.Range.Start.Character));
        var end = file.GetOffset(new(edit.Range.End.Line, edit.Range.End.Character));
        return text[..start] + edit.NewText + text[end..];
    }

    /// <summary>One file's edits, applied from the last to the first so that each one's position is still valid.</summary>
    public static string ApplyAll(string text, IEnumerable<TextEdit> edits) =>
        edits.OrderByDescending(e => (e.Range.Start.Line, e.Range.Start.Character)).Aggregate(text, Apply);

    /// <summary>Writes a workspace edit into the files on disk.</summary>
    public static void ApplyToDisk(WorkspaceEdit edit)
    {
        foreach (var (uri, edits) in edit.Changes)
        {
            var path = Workspace.DocumentUri.ToPath(uri);
            File.WriteAllText(path, ApplyAll(File.ReadAllText(path), edits));
        }
    }
}
