using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using TriggerLang.Compiler.Channels;

namespace TriggerLang.Compiler.Packs;

/// <summary>One input of the source hash: a path relative to the project folder (with <c>/</c>) and the text the compiler read.</summary>
public sealed record HashedFile(string Path, string Text);

/// <summary>
/// The identity of what a rule pack is built from: SHA-256 over the compiler
/// version, the channel catalogue, and every .trig file and every template
/// file the rules use, sorted by relative path. The schema is declared in the
/// .trig files (and built-in events come with the compiler version), so it
/// needs no part of its own.
/// <para>
/// The text is hashed exactly as the compiler read it, encoded as UTF-8: line
/// endings are not normalised, because a template's CRLF ends up in the
/// messages it renders, so CRLF and LF checkouts are different packs. Only a
/// byte-order mark, which the compiler drops, makes no difference. Paths are
/// relative with <c>/</c>, so the hash does not depend on where the project
/// lies or on the machine's separator.
/// </para>
/// </summary>
public static class SourceHash
{
    /// <summary>Changes when the layout of the hashed data changes, so that old and new hashes never collide.</summary>
    private const string Format = "triggerlang-source-hash/1";

    /// <summary>The informational version of this compiler (with the commit when built from git).</summary>
    public static string CompilerVersion { get; } =
        typeof(SourceHash).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The hash of a compiled project: its .trig files and the template files its rules read.</summary>
    public static string Compute(Compilation compilation) =>
        Compute(Inputs(compilation), compilation.Options.Channels, CompilerVersion);

    /// <summary>The files <see cref="Compute(Compilation)"/> hashes, sorted by path.</summary>
    public static IReadOnlyList<HashedFile> Inputs(Compilation compilation)
    {
        var root = Path.GetFullPath(compilation.Options.ProjectRoot ?? Directory.GetCurrentDirectory());
        var sources = compilation.SyntaxTrees.Select(t => new HashedFile(Relative(root, t.File.Path), t.File.Text));
        var templates = compilation.Model.Rules
            .SelectMany(r => r.Sends)
            .SelectMany(s => s.Fields)
            .Where(f => f.FilePath is not null)
            .Select(f => new HashedFile(Relative(root, f.FilePath!), f.Text));
        // A template used by several rules is one input; it was read once per use, so its texts agree.
        return [.. sources.Concat(templates).DistinctBy(f => f.Path, StringComparer.Ordinal).OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>Lower-case hex SHA-256 of the files (in any order), the channel catalogue and the compiler version.</summary>
    public static string Compute(IEnumerable<HashedFile> files, ChannelCatalog channels, string compilerVersion)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, Format);
        Add(hash, compilerVersion);
        foreach (var name in channels.Names)
        {
            var channel = channels.Find(name)!;
            Add(hash, "channel");
            Add(hash, channel.Name);
            Add(hash, channel.AddressAttribute ?? "");
            foreach (var field in channel.Fields)
            {
                Add(hash, $"{field.Name}:{(field.IsRequired ? "required" : "optional")}:{(field.IsPrimary ? "primary" : "")}");
            }
        }
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            Add(hash, "file");
            Add(hash, file.Path);
            Add(hash, file.Text);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A path relative to <paramref name="root"/> with <c>/</c> separators, whatever the machine.</summary>
    public static string Relative(string root, string path) =>
        Path.GetRelativePath(root, Path.GetFullPath(path)).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Every part is length-prefixed, so that no two different inputs run together into the same bytes.</summary>
    private static void Add(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[sizeof(long)];
        // Little-endian on every machine, so that the hash is the same everywhere.
        BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
