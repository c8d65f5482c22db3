using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriggerLang.Plugins.Channels.Tests.Manifests;

/// <summary>trig-plugin.json as plugins/README.md defines it; reading is strict (unknown keys, missing keys and nulls fail).</summary>
internal sealed record PluginManifest(string Name, string Version, int Sdk, string Assembly, IReadOnlyList<ManifestChannel> Channels)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static PluginManifest Read(string path) => JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path), Options)!;
}

internal sealed record ManifestChannel(string Name, string? Address, IReadOnlyList<ManifestField> Fields);

internal sealed record ManifestField(string Name, string Type, bool Required, bool Primary);
