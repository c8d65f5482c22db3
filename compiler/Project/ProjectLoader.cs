using System.Text;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Project;

/// <summary>
/// The .trig files of a project folder. <see cref="Fatal"/> is set when the
/// folder cannot be used at all (missing, not listable, no .trig files, a file
/// that cannot be opened): the command line exits with 2 for those.
/// </summary>
public sealed record ProjectSources(string Root, IReadOnlyList<SourceFile> Files, IReadOnlyList<Diagnostic> Diagnostics, Diagnostic? Fatal);

/// <summary>Finds and reads the .trig files of a folder (recursively, skipping hidden folders), strictly as UTF-8.</summary>
public static class ProjectLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ProjectSources Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return Fatal(directory, DiagnosticBuilder.ForProject().UnusableFolder(File.Exists(directory)
                ? $"`{directory}` is a file: pass the folder that holds the rules project"
                : $"folder `{directory}` does not exist"));
        }
        List<string> paths;
        try
        {
            paths = FindTrigFiles(directory).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fatal(directory, DiagnosticBuilder.ForProject().UnusableFolder($"cannot list `{directory}`: {e.Message}"));
        }
        if (paths.Count == 0)
        {
            return Fatal(directory, DiagnosticBuilder.ForProject().NoSourceFiles(directory));
        }

        var files = new List<SourceFile>();
        var diagnostics = new List<Diagnostic>();
        foreach (var path in paths)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new ProjectSources(directory, files, diagnostics, DiagnosticBuilder.ForProject().UnreadableFile(path, e.Message));
            }
            files.Add(Decode(path, bytes, diagnostics));
        }
        return new ProjectSources(directory, files, diagnostics, null);
    }

    /// <summary>Decodes strictly; a file with invalid UTF-8 is reported at its first bad byte and compiled as empty.</summary>
    public static SourceFile Decode(string path, byte[] bytes, List<Diagnostic> diagnostics)
    {
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var firstInvalid = FirstInvalid(bytes, offset);
        if (firstInvalid < 0)
        {
            return new SourceFile(path, StrictUtf8.GetString(bytes, offset, bytes.Length - offset));
        }
        // The valid text before the bad byte gives the diagnostic its line and column.
        var goodPrefix = new SourceFile(path, Encoding.UTF8.GetString(bytes, offset, firstInvalid - offset));
        diagnostics.Add(DiagnosticBuilder.At(goodPrefix, new TextSpan(goodPrefix.Text.Length, 0)).InvalidEncoding(firstInvalid));
        return new SourceFile(path, "");
    }

    /// <summary>The byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1 when all are valid.</summary>
    private static int FirstInvalid(byte[] bytes, int start)
    {
        var index = start;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(index), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }
            index += consumed;
        }
        return -1;
    }

    private static IEnumerable<string> FindTrigFiles(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(directory, "*.trig", options)
            .Where(p => !Path.GetRelativePath(directory, p).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }

    private static ProjectSources Fatal(string directory, Diagnostic fatal) => new(directory, [], [], fatal);
}
