using System.Collections.Concurrent;
using System.Text.Json;
using TriggerLang.Compiler;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Text;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Tests;

/// <summary>
/// A project compiled from source text to a loaded rule pack, so that tests work with the real
/// typed records. Compiling costs a Roslyn emit, so each distinct source is compiled once per run;
/// the packs stay loaded for the run.
/// </summary>
public sealed class TestProject
{
    private static readonly ConcurrentDictionary<string, Lazy<TestProject>> Cache = new(StringComparer.Ordinal);

    private TestProject(SemanticModel model, IRuleEvaluators evaluators)
    {
        Model = model;
        Evaluators = evaluators;
    }

    public SemanticModel Model { get; }

    public IRuleEvaluators Evaluators { get; }

    /// <summary>The project in <paramref name="source"/> (one file, <c>rules.trig</c>), which must compile without diagnostics.</summary>
    public static TestProject From(string source) => Cache.GetOrAdd(source, text => new(() => Compile(text))).Value;

    public BoundRule Rule(string name) => Model.Rule(name) ?? throw new ArgumentException($"no rule `{name}`", nameof(name));

    /// <summary>A typed event read from its properties' JSON, as the input reader would make it.</summary>
    public EventRecord Event(string name, string properties, string id = "e1", string user = "u1", DateTimeOffset? time = null)
    {
        var record = Evaluators.NewEvent(name) ?? throw new ArgumentException($"no event `{name}`", nameof(name));
        record.Id = id;
        record.UserId = user;
        record.Time = time ?? new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        using var document = JsonDocument.Parse(properties);
        record.ReadProperties(document.RootElement);
        return record;
    }

    /// <summary>A profile with the attributes of a JSON object set one by one.</summary>
    public UserRecord User(string id, string attributes = "{}")
    {
        var user = Evaluators.NewUser(id);
        using var document = JsonDocument.Parse(attributes);
        foreach (var attribute in document.RootElement.EnumerateObject())
        {
            user.SetAttribute(attribute.Name, attribute.Value);
        }
        return user;
    }

    private static TestProject Compile(string source)
    {
        var compilation = Compilation.Create([new SourceFile("rules.trig", source)]);
        if (compilation.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException("the test project has diagnostics:\n" + string.Join("\n", compilation.Diagnostics));
        }
        return new TestProject(compilation.Model, RuleProjects.Pack(compilation).Evaluators);
    }
}
