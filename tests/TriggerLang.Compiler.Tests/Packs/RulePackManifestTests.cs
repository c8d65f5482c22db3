using System.Text.Json;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Packs;

namespace TriggerLang.Compiler.Tests.Packs;

/// <summary>The manifest holds every clause of every rule in plain data, and reads back as it was written.</summary>
public class RulePackManifestTests
{
    [Fact]
    public void A_manifest_round_trips_through_json()
    {
        var manifest = Manifest(out _);

        var json = manifest.ToJson();

        Assert.Equal(json, RulePackManifest.FromJson(json).ToJson());
        Assert.Contains("\"formatVersion\": 1,", json);
        Assert.DoesNotContain("\r", json);
    }

    [Fact]
    public void The_manifest_describes_the_rules_with_all_their_clauses()
    {
        var manifest = Manifest(out var hash);

        Assert.Equal(hash, manifest.SourceHash);
        Assert.Equal(SourceHash.CompilerVersion, manifest.CompilerVersion);
        var rule = Assert.Single(manifest.Rules);
        Assert.Equal(("recovery", "Cart recovery", "rules/recovery.trig", 1), (rule.Name, rule.Title, rule.File, rule.Line));
        Assert.Equal(("cart_abandoned", "cart"), (rule.Trigger, rule.Alias));
        Assert.Equal("total > 100 and user.country in [\"US\", \"CA\"]", rule.Where);
        Assert.Equal(new ManifestAudience("eventUser", null), rule.Audience);
        Assert.Equal(new ManifestDelay("PT30M", null, "local"), rule.Delay);
        var unless = Assert.Single(rule.Unless);
        Assert.Equal(("purchase", "total >= cart.total", "P1D"), (unless.Event, unless.Where, unless.Within));
        Assert.Equal(["mon", "tue", "wed", "thu", "fri"], rule.Window!.Days);
        Assert.Equal(("09:00", "21:00", "local", false), (rule.Window.Start, rule.Window.End, rule.Window.Zone, rule.Window.ElseDrop));
        Assert.Equal(new ManifestRate(3, "P1D"), rule.Cap);
        Assert.Null(rule.Active);
        Assert.Equal(new ManifestReeligibility("always", null), rule.Reeligibility);
        Assert.Equal(("marketing", false), (rule.Category, rule.Transactional));
        Assert.Null(rule.Digest);
        Assert.Equal(("purchase", "P7D"), (rule.Goal!.Event, rule.Goal.Within));
        Assert.Equal(["email", "push"], rule.Sends.Select(s => s.Channel));
        var body = rule.Sends[0].Fields.Single(f => f.Field == "body");
        Assert.Equal((PackProjects.Template, "rules/templates/cart.liquid"), (body.Text, body.TemplateFile));
    }

    [Fact]
    public void The_manifest_lists_the_schema_the_channels_used_and_the_sources()
    {
        var manifest = Manifest(out _);

        var cart = manifest.Schema.Events.Single(e => e.Name == "cart_abandoned");
        Assert.Equal(["cart_id:string", "total:money", "items:int"], cart.Fields.Select(f => $"{f.Name}:{f.Type}"));
        Assert.Contains(manifest.Schema.Events, e => e.Name == "message_sent" && e.BuiltIn);
        Assert.Contains(new ManifestField("country", "string?", false), manifest.Schema.User);
        Assert.Equal(["email", "push"], manifest.Channels.Select(c => c.Name));
        Assert.Equal("email", manifest.Channels[0].AddressAttribute);
        Assert.Equal(["rules/recovery.trig:rules", "rules/templates/cart.liquid:template", "schema.trig:rules"],
            manifest.Sources.Select(s => $"{s.Path}:{s.Kind}"));
        Assert.Equal("UTC", manifest.Settings.TimeZone);
    }

    [Fact]
    public void A_manifest_with_a_missing_property_is_refused()
    {
        var json = Manifest(out _).ToJson().Replace("\"sourceHash\"", "\"unknownProperty\"", StringComparison.Ordinal);

        Assert.ThrowsAny<JsonException>(() => RulePackManifest.FromJson(json));
    }

    private static RulePackManifest Manifest(out string hash)
    {
        using var project = PackProjects.Create();
        var compilation = project.Compile();
        Assert.Empty(compilation.Diagnostics);
        hash = SourceHash.Compute(compilation);
        var build = RulePackCompiler.Compile(compilation);
        return RulePackManifest.Create(compilation, build, new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    }
}
