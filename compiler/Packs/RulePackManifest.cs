using System.Text.Json;
using TriggerLang.Compiler.Emit;

namespace TriggerLang.Compiler.Packs;

/// <summary>
/// <c>manifest.json</c>: what a rule pack holds and what it was built from, in
/// plain data, enough for the engine to run the pack without the sources and
/// for a reviewer to diff two packs. Durations are ISO 8601 (<c>PT30M</c>),
/// times of day <c>HH:mm</c>, zones <c>local</c>, <c>utc</c> or an IANA name;
/// paths are relative to the project folder, with <c>/</c>.
/// </summary>
public sealed record RulePackManifest(
    int FormatVersion,
    string CompilerVersion,
    string SourceHash,
    DateTimeOffset CreatedAt,
    string AssemblySha256,
    IReadOnlyList<ManifestSource> Sources,
    ManifestSchema Schema,
    ManifestSettings Settings,
    IReadOnlyList<ManifestLimit> Limits,
    IReadOnlyList<ManifestChannel> Channels,
    IReadOnlyList<ManifestRule> Rules)
{
    /// <summary>The manifest layout this compiler writes and reads; a reader refuses any other.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The manifest of a project compiled into <paramref name="build"/>.</summary>
    public static RulePackManifest Create(Compilation compilation, RulePackBuild build, DateTimeOffset createdAt) =>
        ManifestBuilder.Build(compilation, build, createdAt);

    public string ToJson() => JsonSerializer.Serialize(this, ManifestJson.Manifests.RulePackManifest);

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static RulePackManifest FromJson(string json) =>
        JsonSerializer.Deserialize(json, ManifestJson.Manifests.RulePackManifest) ?? throw new JsonException("the manifest is `null`");
}

/// <summary>A file the pack was built from: a .trig file or a template the rules use.</summary>
public sealed record ManifestSource(string Path, string Kind);

public sealed record ManifestSchema(IReadOnlyList<ManifestEvent> Events, IReadOnlyList<ManifestField> User);

public sealed record ManifestEvent(string Name, bool BuiltIn, IReadOnlyList<ManifestField> Fields);

/// <summary>A field or user attribute; <see cref="Type"/> as written in the language (<c>money</c>, <c>list&lt;string&gt;?</c>).</summary>
public sealed record ManifestField(string Name, string Type, bool BuiltIn);

public sealed record ManifestSettings(string TimeZone);

/// <summary>A global cap; <see cref="Channel"/> null means all channels together.</summary>
public sealed record ManifestLimit(string? Channel, int Count, string Period);

/// <summary>A channel the rules send through, with its fields, so that the engine can check its plugins before running.</summary>
public sealed record ManifestChannel(string Name, string? AddressAttribute, IReadOnlyList<ManifestChannelField> Fields);

public sealed record ManifestChannelField(string Name, bool Required, bool Primary);
