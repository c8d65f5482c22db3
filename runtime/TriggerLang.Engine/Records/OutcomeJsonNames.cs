using System.Text.Encodings.Web;
using System.Text.Json;
using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Records;

/// <summary>
/// The fixed texts of an outcome line (<see cref="OutcomeJson"/>), encoded once: written as strings, each was
/// checked for characters to escape and converted to UTF-8 again on every line of a million-line output.
/// </summary>
internal static class OutcomeJsonNames
{
    public static readonly JsonEncodedText Time = Encode("time");
    public static readonly JsonEncodedText Rule = Encode("rule");
    public static readonly JsonEncodedText User = Encode("user");
    public static readonly JsonEncodedText Channel = Encode("channel");
    public static readonly JsonEncodedText Status = Encode("status");
    public static readonly JsonEncodedText Reason = Encode("reason");
    public static readonly JsonEncodedText Trigger = Encode("trigger");
    public static readonly JsonEncodedText Fields = Encode("fields");
    public static readonly JsonEncodedText Explain = Encode("explain");
    public static readonly JsonEncodedText Detail = Encode("detail");

    private static readonly JsonEncodedText[] Statuses = [.. Enum.GetValues<OutcomeStatus>().Select(s => Encode(OutcomeNames.Of(s)))];
    private static readonly JsonEncodedText[] Reasons = [.. Enum.GetValues<OutcomeReason>().Select(r => Encode(OutcomeNames.Of(r)))];

    public static JsonEncodedText Of(OutcomeStatus status) => Statuses[(int)status];

    public static JsonEncodedText Of(OutcomeReason reason) => Reasons[(int)reason];

    // The writer's own encoder, so that the bytes are those it wrote for the strings.
    private static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
}
