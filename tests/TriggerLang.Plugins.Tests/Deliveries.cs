using System.Collections.Immutable;

namespace TriggerLang.Plugins.Tests;

/// <summary>SDK deliveries for the tests.</summary>
public static class Deliveries
{
    public static Delivery To(string channel, string text = "hello", string recipient = "u1") => new(
        channel,
        "welcome",
        recipient,
        ImmutableDictionary<string, string>.Empty,
        [new("text", text)],
        $"welcome/{recipient}/e1/{channel}",
        "e1",
        new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    /// <summary>A manifest for plugin <c>NAME</c> with one channel per name in <paramref name="channels"/>, each with a primary <c>text</c>.</summary>
    public static string Manifest(string name, string assembly, int sdk = 1, params string[] channels) => $$"""
        {
          "name": "{{name}}",
          "version": "1.0.0",
          "sdk": {{sdk}},
          "assembly": "{{assembly}}",
          "channels": [{{string.Join(",", channels.Select(c => $$"""{ "name": "{{c}}", "fields": [ { "name": "text", "type": "text", "required": true, "primary": true } ] }"""))}}]
        }
        """;
}
