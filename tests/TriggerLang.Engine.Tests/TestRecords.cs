using System.Text.Json;
using TriggerLang.Engine.Records;

namespace TriggerLang.Engine.Tests;

/// <summary>Input records built in code, for tests that generate their input.</summary>
internal static class TestRecords
{
    /// <summary>A profile from the start (no time) with these attributes; a null value is a JSON null.</summary>
    public static UserInput User(string id, params (string Name, string? Value)[] attributes) =>
        new(id, null, $"user {id}", [.. attributes.Select(a => KeyValuePair.Create(a.Name, JsonSerializer.SerializeToElement(a.Value)))], [], []);
}
