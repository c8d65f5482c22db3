using System.Text.Json;

namespace TriggerLang.Cli.Tests;

/// <summary><c>trig check --format sarif</c>: a SARIF 2.1.0 log that code-scanning tools accept.</summary>
public sealed class SarifOutputTests : IDisposable
{
    private readonly TempProject _project = new TempProject()
        .With("schema.trig", Projects.Schema)
        .With("rules.trig", Projects.BrokenRule)
        .With("nudges.trig", Projects.AnonymousRules);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void The_log_has_the_required_top_level_shape()
    {
        using var log = Check();
        var root = log.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal("trig", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, run.GetProperty("results").ValueKind);
    }

    [Fact]
    public void Rules_have_unique_ids()
    {
        using var log = Check();
        var ids = Rules(log).Select(r => r.GetProperty("id").GetString()).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Each_result_points_at_its_rule_with_its_level_and_message()
    {
        using var log = Check();
        var rules = Rules(log);
        var results = Results(log);

        Assert.Equal(["TRG0207", "TRG0207", "TRG0301", "TRG0305"], results.Select(r => r.GetProperty("ruleId").GetString()).Order());
        Assert.All(results, result =>
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(ruleId, rule.GetProperty("id").GetString());
            Assert.Equal(ruleId == "TRG0207" ? "warning" : "error", result.GetProperty("level").GetString());
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
        });
    }

    [Fact]
    public void Each_location_is_relative_to_a_base_with_a_one_line_region_of_1_based_columns()
    {
        using var log = Check();
        var run = log.RootElement.GetProperty("runs")[0];
        var bases = run.GetProperty("originalUriBaseIds");

        Assert.All(Results(log), result =>
        {
            var physical = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var artifact = physical.GetProperty("artifactLocation");
            var uri = artifact.GetProperty("uri").GetString()!;
            Assert.False(Uri.TryCreate(uri, UriKind.Absolute, out _), $"{uri} is absolute");
            Assert.StartsWith($"{_project.Path}/", uri);
            Assert.True(bases.TryGetProperty(artifact.GetProperty("uriBaseId").GetString()!, out _));

            var region = physical.GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
            Assert.Equal(region.GetProperty("startLine").GetInt32(), region.GetProperty("endLine").GetInt32());
            Assert.True(region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32());
        });
    }

    [Fact]
    public void The_unknown_event_is_located_exactly()
    {
        using var log = Check();
        var result = Results(log).Single(r => r.GetProperty("ruleId").GetString() == "TRG0301");
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var region = physical.GetProperty("region");

        Assert.Equal($"{_project.Path}/rules.trig", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(2, region.GetProperty("startLine").GetInt32());
        Assert.Equal(6, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(6 + "cart_abandonned".Length, region.GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public void Output_option_writes_the_log_to_the_file()
    {
        var path = Path.Combine(_project.FullPath, "check.sarif");

        var result = Trig.Run("check", _project.Path, "--format", "sarif", "-o", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        using var log = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(4, log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    private JsonDocument Check()
    {
        var result = Trig.Run("check", _project.Path, "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        return JsonDocument.Parse(result.Out);
    }

    private static List<JsonElement> Rules(JsonDocument log) =>
        [.. log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()];

    private static List<JsonElement> Results(JsonDocument log) => [.. log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];
}
