namespace TriggerLang.Compiler.Channels;

/// <summary>A field of a channel's message. The primary field is the one a lone string in <c>send C "text"</c> fills.</summary>
public sealed record ChannelField(string Name, bool IsRequired, bool IsPrimary = false);

/// <summary>
/// What the compiler knows of a channel: its fields and the user attribute
/// that holds its address (null when it needs none). Built-in channels come
/// from <see cref="ChannelCatalog.BuiltIn"/>; plugin channels from their manifests.
/// </summary>
public sealed record ChannelDefinition(string Name, IReadOnlyList<ChannelField> Fields, string? AddressAttribute)
{
    public ChannelField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public ChannelField Primary => Fields.FirstOrDefault(f => f.IsPrimary) ?? Fields[0];
}
