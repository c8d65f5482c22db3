namespace TriggerLang.Compiler.Channels;

/// <summary>The channels a project may send through.</summary>
public sealed class ChannelCatalog(IEnumerable<ChannelDefinition> channels)
{
    private readonly Dictionary<string, ChannelDefinition> _byName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The channels of LANGUAGE.md §6, used when no plugins folder is configured.</summary>
    public static ChannelCatalog BuiltIn { get; } = new(
    [
        new("email", [new("subject", false), new("body", true, IsPrimary: true)], "email"),
        new("push", [new("title", false), new("body", true, IsPrimary: true), new("url", false)], "push_token"),
        new("sms", [new("body", true, IsPrimary: true)], "phone"),
        new("in_app", [new("title", false), new("body", true, IsPrimary: true), new("url", false)], null),
        new("webhook", [new("body", true, IsPrimary: true)], null),
    ]);

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public ChannelDefinition? Find(string name) => _byName.GetValueOrDefault(name);
}
