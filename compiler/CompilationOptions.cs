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
