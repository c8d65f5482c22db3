namespace TriggerLang.Compiler.Channels;

/// <summary>
/// The channels a project may send through. <see cref="Source"/> says where
/// they come from when they are not the built-in ones (the plugins folder),
/// so that an unknown channel's message can point there.
/// </summary>
public sealed class ChannelCatalog(IEnumerable<ChannelDefinition> channels, string? source = null)
{
    private readonly Dictionary<string, ChannelDefinition> _byName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The channels of LANGUAGE.md §6, used when no plugins folder is configured.</summary>
    public static ChannelCatalog BuiltIn { get; } = new(
    [
        new("email", [new("subject", false), new("body", true, IsPrimary: true, ChannelFieldType.Html)], "email"),
        new("push", [new("title", false), new("body", true, IsPrimary: true), new("url", false, Type: ChannelFieldType.Url)], "push_token"),
        new("sms", [new("body", true, IsPrimary: true)], "phone"),
        new("in_app", [new("title", false), new("body", true, IsPrimary: true), new("url", false, Type: ChannelFieldType.Url)], null),
        new("webhook", [new("body", true, IsPrimary: true, ChannelFieldType.Json)], null),
    ]);

    /// <summary>The plugins folder the channels were read from; null for the built-in channels.</summary>
    public string? Source { get; } = source;

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public ChannelDefinition? Find(string name) => _byName.GetValueOrDefault(name);
}
