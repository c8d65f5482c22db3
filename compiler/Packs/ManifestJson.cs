using System.Text.Encodings.Web;
using System.Text.Json;

namespace TriggerLang.Compiler.Packs;

/// <summary>
/// How manifests are written: camelCase, indented with LF on every machine
/// (packs are diffed and committed). Absent clauses are written as null rather
/// than left out, so that a diff shows every clause of a rule and a reader can
/// insist on every property (a truncated manifest is refused, not half-read).
/// </summary>
internal static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        // Template texts hold <, > and &; escaping them would make the manifest unreadable for no gain (it is never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
