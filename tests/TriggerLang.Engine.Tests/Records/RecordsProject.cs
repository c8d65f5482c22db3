using System.Text.Json;
using TriggerLang.Engine.Records;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>A small schema to read records against.</summary>
internal static class RecordsProject
{
    public static TestProject Project { get; } = TestProject.From("""
        event cart_abandoned { cart_id: string, total: money, items: int, category: string? }
        event purchase { order_id: string, total: money }
        event reminder_set { wait: duration }
        user { country: string?, vip: bool? }
        rule cart_recovery on cart_abandoned send email "Your cart misses you"
        """);

    public static RecordParser Parser { get; } = new(Project.Evaluators, Project.Model.Schema);

    public static InputRecord Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parser.Parse(document.RootElement, "test");
    }

    public static List<ReadResult> Read(string text) => [.. JsonLinesReader.Read(new StringReader(text), "in.jsonl", Parser)];
}
