namespace TriggerLang.Cli.Tests;

/// <summary>Plugin manifests (plugins/README.md) for the tests of <c>--plugins</c>.</summary>
public static class Manifests
{
    /// <summary>A plugin <c>NAME</c> with one channel <c>CHANNEL { text (primary, required), title? }</c>.</summary>
    public static string Chat(string name = "slack", string channel = "slack", int sdk = 1) => $$"""
        {
          "name": "{{name}}",
          "version": "1.0.0",
          "sdk": {{sdk}},
          "assembly": "Chat.dll",
          "channels": [
            {
              "name": "{{channel}}",
              "address": null,
              "fields": [
                { "name": "text", "type": "text", "required": true, "primary": true },
                { "name": "title", "type": "text", "required": false }
              ]
            }
          ]
        }
        """;

    /// <summary>A plugin <c>smtp</c> with the channel <c>email { subject?, body }</c>.</summary>
    public static string Email(string name) => $$"""
        {
          "name": "{{name}}",
          "version": "2.1.0",
          "sdk": 1,
          "assembly": "Mail.dll",
          "channels": [
            {
              "name": "email",
              "address": "email",
              "fields": [
                { "name": "subject", "type": "text" },
                { "name": "body", "type": "html", "required": true, "primary": true }
              ]
            }
          ]
        }
        """;
}
