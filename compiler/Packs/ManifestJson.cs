using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriggerLang.Compiler.Packs;

/// <summary>
/// How manifests are written: camelCase, indented with LF on every machine
/// (packs are diffed and committed). Absent clauses are written as null rather
/// than left out, so that a diff shows every clause of a rule and a reader can
/// insist on every property (a truncated manifest is refused, not half-read).
/// The (de)serializers are generated at build time: reflection-based ones cost
/// a cold `trig build` of 1,000 rules about 100 ms to create.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(RulePackManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext
{
    private static ManifestJson? s_manifests;

    /// <summary>The generated options, and an encoder that leaves template texts readable.</summary>
    public static ManifestJson Manifests => s_manifests ??= new(new JsonSerializerOptions(Default.Options)
    {
        // Template texts hold <, > and &; escaping them would make the manifest unreadable for no gain (it is never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
