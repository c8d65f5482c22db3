using System.Reflection;
using System.Text.Json;
using TriggerLang.Compiler.Diagnostics;

namespace TriggerLang.Cli.Output;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log for code-scanning upload. Written
/// by hand (the SARIF SDK does not restore here) with only what the format
/// requires plus what code scanning displays: rules with descriptions and
/// default levels, results with relative file URIs and 1-based regions.
/// </summary>
internal static class SarifWriter
{
    private const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json);
            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                WriteResult(json, diagnostic);
            }
            json.WriteEndArray();
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteString("uri", new Uri(EnsureTrailingSlash(Directory.GetCurrentDirectory())).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        var version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "trig");
        json.WriteString("semanticVersion", version.Split('+')[0]);
        json.WriteString("informationUri", "https://github.com/triggerlang/triggerlang");
        json.WriteStartArray("rules");
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            json.WriteStartObject();
            json.WriteString("id", descriptor.Code);
            json.WriteString("name", string.Concat(descriptor.Title.Split(' ').Select(Capitalize)));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor.Title);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(descriptor.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", IndexOf(diagnostic.Descriptor));
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        if (diagnostic.Location is { } location)
        {
            var start = location.Start;
            var end = location.End;
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            var (uri, isRelative) = ToUri(location.File.Path);
            json.WriteString("uri", uri);
            if (isRelative)
            {
                json.WriteString("uriBaseId", "%SRCROOT%");
            }
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", start.Line + 1);
            json.WriteNumber("startColumn", start.Character + 1);
            json.WriteNumber("endLine", end.Line + 1);
            // SARIF's endColumn is the column just past the region; an empty span still covers one column.
            json.WriteNumber("endColumn", end.Line == start.Line && end.Character == start.Character ? end.Character + 2 : end.Character + 1);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static int IndexOf(DiagnosticDescriptor descriptor)
    {
        for (var i = 0; i < DiagnosticCatalog.All.Count; i++)
        {
            if (DiagnosticCatalog.All[i].Code == descriptor.Code)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Relative paths become relative URIs (forward slashes, each segment escaped); absolute ones file URIs.</summary>
    private static (string Uri, bool IsRelative) ToUri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return (new Uri(path).AbsoluteUri, false);
        }
        var segments = path.Replace('\\', '/').Split('/').Where(s => s is not ("." or ""));
        return (string.Join('/', segments.Select(Uri.EscapeDataString)), true);
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string EnsureTrailingSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
