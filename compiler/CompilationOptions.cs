using TriggerLang.Compiler.Channels;

namespace TriggerLang.Compiler;

/// <summary>
/// How to compile a project. <see cref="ReadFile"/> reads template files
/// (the language server passes one that sees unsaved editor buffers); it
/// returns null when the file does not exist. Template paths must stay under
/// <see cref="ProjectRoot"/> when it is set.
/// </summary>
public sealed record CompilationOptions(ChannelCatalog Channels, string? ProjectRoot, Func<string, string?> ReadFile)
{
    public static CompilationOptions Default { get; } = new(ChannelCatalog.BuiltIn, null, ReadFromDisk);

    /// <summary>
    /// Reused template check results (<see cref="Templates.TemplateCheckCache"/>), for a host that
    /// compiles the same project again and again; null (the default) checks every template afresh.
    /// </summary>
    public Templates.TemplateCheckCache? TemplateCache { get; init; }

    public static string? ReadFromDisk(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
