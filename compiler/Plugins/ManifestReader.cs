using System.Text.Json;
using System.Text.RegularExpressions;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;
using TriggerLang.Plugins;

namespace TriggerLang.Compiler.Plugins;

/// <summary>
/// Reads and validates one <c>trig-plugin.json</c>. Every problem is a
/// diagnostic at the key it is about; a manifest with errors yields no
/// plugin, so its channels are unavailable while the others still work.
/// </summary>
internal sealed partial class ManifestReader(SourceFile file, string directory, List<Diagnostic> diagnostics)
{
    private static readonly string[] Addresses = ["email", "phone", "push_token"];
    private int _errors;

    public static PluginManifest? Read(string path, string directory, List<Diagnostic> diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticBuilder.ForProject().UnreadableFile(path, e.Message));
            return null;
        }
        var body = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes.AsSpan();
        var file = new SourceFile(path, System.Text.Encoding.UTF8.GetString(body));
        JsonNode root;
        try
        {
            root = ManifestJson.Parse(body);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            var offset = file.GetOffset(new LinePosition(line, CharColumn(file, line, (int)(e.BytePositionInLine ?? 0))));
            diagnostics.Add(DiagnosticBuilder.At(file, new TextSpan(offset, 0)).ManifestInvalidJson(WithoutPosition(e.Message)));
            return null;
        }
        return new ManifestReader(file, directory, diagnostics).Manifest(root);
    }

    private PluginManifest? Manifest(JsonNode root)
    {
        if (root is not JsonObjectNode manifest)
        {
            Report(root, b => b.ManifestInvalidValue("a plugin manifest is a JSON object: `{ \"name\": …, \"version\": …, \"sdk\": 1, \"assembly\": …, \"channels\": […] }`"));
            return null;
        }
        var name = Name(manifest, "name", "the manifest", "\"my_plugin\"", PluginName(), "a plugin's name uses lower-case letters, digits and `_`");
        var version = String(manifest, "version", "the manifest", "\"1.0.0\"");
        var sdk = Sdk(manifest);
        var assembly = Assembly(manifest);
        var label = name is null ? "this plugin" : $"plugin `{name}`";
        var channels = Required<JsonArrayNode>(manifest, "channels", "the manifest", "[ { \"name\": …, \"fields\": […] } ]", "an array of channels")
            is { } list ? Channels(list, label, name) : [];
        if (_errors > 0 || name is null || version is null || sdk is null || assembly is null)
        {
            return null;
        }
        if (sdk != PluginSdk.Version)
        {
            Report(manifest.Member("sdk")!.Value, b => b.UnsupportedPluginSdk(name, sdk.Value, PluginSdk.Version));
            return null;
        }
        return new PluginManifest(name, version, sdk.Value, assembly, channels, directory, file.Path);
    }

    private List<ChannelDefinition> Channels(JsonArrayNode list, string plugin, string? pluginName)
    {
        var channels = new List<ChannelDefinition>();
        if (list.Items.Count == 0)
        {
            Report(list, b => b.ManifestInvalidValue($"{plugin} declares no channels: add at least one `{{ \"name\": …, \"fields\": […] }}`"));
        }
        foreach (var item in list.Items)
        {
            if (item is not JsonObjectNode channel)
            {
                Report(item, b => b.ManifestInvalidValue("a channel is a JSON object: `{ \"name\": …, \"address\": …, \"fields\": […] }`"));
                continue;
            }
            var name = Name(channel, "name", $"a channel of {plugin}", "\"my_channel\"", Identifier(), "a channel's name is a lower-case identifier, as in `send NAME …`");
            var owner = name is null ? $"a channel of {plugin}" : $"channel `{name}` of {plugin}";
            if (name is not null && channels.Any(c => c.Name == name))
            {
                Report(channel.Member("name")!.Value, b => b.ManifestInvalidValue($"{plugin} declares channel `{name}` twice: keep one"));
            }
            var address = Address(channel, owner);
            var fields = Required<JsonArrayNode>(channel, "fields", owner, "[ { \"name\": \"body\", \"type\": \"text\", \"required\": true, \"primary\": true } ]",
                "an array of fields") is { } fieldList ? Fields(fieldList, owner, name, plugin) : null;
            if (name is not null && fields is not null)
            {
                channels.Add(new ChannelDefinition(name, fields, address, pluginName));
            }
        }
        return channels;
    }

    private List<ChannelField>? Fields(JsonArrayNode list, string owner, string? channel, string plugin)
    {
        var fields = new List<ChannelField>();
        foreach (var item in list.Items)
        {
            if (item is not JsonObjectNode field)
            {
                Report(item, b => b.ManifestInvalidValue("a field is a JSON object: `{ \"name\": …, \"type\": \"text\", \"required\": true }`"));
                continue;
            }
            var name = Name(field, "name", $"a field of {owner}", "\"body\"", Identifier(), "a field's name is a lower-case identifier");
            if (name is not null && fields.Any(f => f.Name == name))
            {
                Report(field.Member("name")!.Value, b => b.ManifestInvalidValue($"{owner} has the field `{name}` twice: keep one"));
            }
            var type = FieldType(field, name is null ? $"a field of {owner}" : $"field `{name}` of {owner}");
            var required = Flag(field, "required");
            var primary = Flag(field, "primary");
            if (name is not null && type is not null)
            {
                fields.Add(new ChannelField(name, required, primary, type.Value));
            }
        }
        if (fields.Count == list.Items.Count && channel is not null)
        {
            var primaries = fields.Where(f => f.IsPrimary).Select(f => f.Name).ToList();
            if (primaries.Count != 1)
            {
                Report(list, b => b.ManifestPrimaryField(channel, plugin, primaries));
            }
        }
        return fields;
    }

    private int? Sdk(JsonObjectNode manifest)
    {
        if (Required<JsonScalarNode>(manifest, "sdk", "the manifest", PluginSdk.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "a whole number") is not { } node)
        {
            return null;
        }
        if (node.Kind == JsonTokenType.Number && int.TryParse(node.Text, out var sdk))
        {
            return sdk;
        }
        Report(node, b => b.ManifestInvalidValue($"`sdk` is the SDK version the plugin was built against, a whole number such as {PluginSdk.Version}"));
        return null;
    }

    private string? Assembly(JsonObjectNode manifest)
    {
        var assembly = String(manifest, "assembly", "the manifest", "\"MyPlugin.dll\"");
        if (assembly is not null && (assembly != Path.GetFileName(assembly) || assembly is "." or ".." || !assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            // The host loads only from the plugin's own folder: a path could point anywhere.
            Report(manifest.Member("assembly")!.Value, b => b.ManifestInvalidValue(
                $"`assembly` is the file name of a .dll in the plugin's folder, without a path: not \"{assembly}\""));
            return null;
        }
        return assembly;
    }

    private string? Address(JsonObjectNode channel, string owner)
    {
        // Optional: a channel that needs no address (a webhook) may leave it out instead of writing null.
        if (channel.Member("address") is not { Value: JsonScalarNode value } || value.Kind == JsonTokenType.Null)
        {
            if (channel.Member("address") is { Value: not JsonScalarNode } member)
            {
                Report(member.Value, b => b.ManifestInvalidValue($"the `address` of {owner} must be \"email\", \"phone\", \"push_token\" or null"));
            }
            return null;
        }
        if (value.Kind == JsonTokenType.String && Addresses.Contains(value.Text))
        {
            return value.Text;
        }
        Report(value, b => b.ManifestInvalidValue($"the `address` of {owner} must be \"email\", \"phone\", \"push_token\" or null, not {Quote(value)}"));
        return null;
    }

    private ChannelFieldType? FieldType(JsonObjectNode field, string owner)
    {
        if (String(field, "type", owner, "\"text\"") is not { } text)
        {
            return null;
        }
        if (text is "text" or "html" or "url" or "json")
        {
            return Enum.Parse<ChannelFieldType>(text, ignoreCase: true);
        }
        var suggestion = Suggestions.Closest(text, ["text", "html", "url", "json"]);
        Report(field.Member("type")!.Value, b => b.ManifestInvalidValue(
            $"`{text}` is not a field type{(suggestion is null ? "" : $"; did you mean `{suggestion}`?")}: use text, html, url or json"));
        return null;
    }

    private bool Flag(JsonObjectNode owner, string key)
    {
        if (owner.Member(key) is not { } member)
        {
            return false;
        }
        if (member.Value is JsonScalarNode { Kind: JsonTokenType.True or JsonTokenType.False } flag)
        {
            return flag.Kind == JsonTokenType.True;
        }
        Report(member.Value, b => b.ManifestInvalidValue($"`{key}` is true or false"));
        return false;
    }

    private string? Name(JsonObjectNode owner, string key, string what, string example, Regex pattern, string rule)
    {
        var name = String(owner, key, what, example);
        if (name is not null && !pattern.IsMatch(name))
        {
            Report(owner.Member(key)!.Value, b => b.ManifestInvalidValue($"\"{name}\" is not a valid name: {rule}"));
            return null;
        }
        return name;
    }

    private string? String(JsonObjectNode owner, string key, string what, string example)
    {
        if (Required<JsonScalarNode>(owner, key, what, example, "a string") is not { } node)
        {
            return null;
        }
        if (node.Kind == JsonTokenType.String && node.Text.Length > 0)
        {
            return node.Text;
        }
        Report(node, b => b.ManifestInvalidValue($"`{key}` must be a non-empty string such as {example}, not {Quote(node)}"));
        return null;
    }

    private T? Required<T>(JsonObjectNode owner, string key, string what, string example, string kind) where T : JsonNode
    {
        if (owner.Member(key) is not { } member)
        {
            Report(owner, b => b.ManifestMissingKey(what, key, example));
            return null;
        }
        if (member.Value is T value)
        {
            return value;
        }
        Report(member.Value, b => b.ManifestInvalidValue($"`{key}` must be {kind}, such as {example}"));
        return null;
    }

    private void Report(JsonNode node, Func<DiagnosticBuilder, Diagnostic> diagnostic)
    {
        _errors++;
        diagnostics.Add(diagnostic(DiagnosticBuilder.At(file, new TextSpan(node.Start, node.Length))));
    }

    private static string Quote(JsonScalarNode node) => node.Kind == JsonTokenType.String ? $"\"{node.Text}\"" : node.Text;

    /// <summary>System.Text.Json appends the position to its message; the diagnostic already carries it.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd('.', ' ');
    }

    private static int CharColumn(SourceFile file, int line, int bytes)
    {
        var start = file.GetOffset(new LinePosition(line, 0));
        var column = 0;
        for (var used = 0; start + column < file.Text.Length && used < bytes; column++)
        {
            used += System.Text.Encoding.UTF8.GetByteCount(file.Text.AsSpan(start + column, 1));
        }
        return column;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex PluginName();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
