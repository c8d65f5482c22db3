using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace TriggerLang.LanguageServer;

/// <summary>
/// JSON-RPC the way LSP frames it (Content-Length headers) with System.Text.Json
/// and camelCase names, so the protocol records in Protocol/ map to the
/// spec's JSON without attributes. The tests' client uses the same setup.
/// </summary>
public static class LspConnection
{
    public static JsonRpc Create(Stream sending, Stream receiving)
    {
        var formatter = new SystemTextJsonFormatter
        {
            JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            },
        };
        return new JsonRpc(new HeaderDelimitedMessageHandler(sending, receiving, formatter));
    }
}
