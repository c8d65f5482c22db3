namespace TriggerLang.Compiler.Channels;

/// <summary>What a provider expects in a field. Every field is a Liquid template rendering to text; the type documents the text's form.</summary>
public enum ChannelFieldType
{
    Text,
    Html,
    Url,
    Json,
}

/// <summary>A field of a channel's message. The primary field is the one a lone string in <c>send C "text"</c> fills.</summary>
public sealed record ChannelField(string Name, bool IsRequired, bool IsPrimary = false, ChannelFieldType Type = ChannelFieldType.Text);

/// <summary>
/// What the compiler knows of a channel: its fields and the user attribute
/// that holds its address (null when it needs none). Built-in channels come
/// from <see cref="ChannelCatalog.BuiltIn"/>; plugin channels from their manifests,
/// and then <see cref="Plugin"/> names the plugin that declares it.
/// </summary>
public sealed record ChannelDefinition(string Name, IReadOnlyList<ChannelField> Fields, string? AddressAttribute, string? Plugin = null)
{
    public ChannelField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public ChannelField Primary => Fields.FirstOrDefault(f => f.IsPrimary) ?? Fields[0];
}
