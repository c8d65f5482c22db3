using System.Text.Json;

namespace TriggerLang.Engine.Records;

/// <summary>Names a JSON value in an error message without repeating a possibly huge one.</summary>
internal static class JsonText
{
    private const int MaxShown = 40;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {Shorten(value.GetRawText())}",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= MaxShown ? text : text[..MaxShown] + "…";
}
