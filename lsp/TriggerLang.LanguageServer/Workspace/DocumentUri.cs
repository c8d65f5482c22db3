namespace TriggerLang.LanguageServer.Workspace;

/// <summary>
/// Converts between LSP <c>file://</c> URIs and the full paths the compiler
/// keeps in <c>SourceFile.Path</c>, so that every diagnostic location can be
/// sent back under the URI the editor knows.
/// </summary>
public static class DocumentUri
{
    public static string ToPath(string uri) => Path.GetFullPath(new Uri(uri).LocalPath);

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
