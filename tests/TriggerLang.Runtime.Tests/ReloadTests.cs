using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace TriggerLang.Runtime.Tests;

/// <summary><c>POST /v1/admin/reload</c>: a broken edit never stops the running rules; a good one takes over, and what it removed is accounted for.</summary>
public sealed class ReloadTests
{
    private const string Schema = """
        event ping { n: int }
        """;

    private const string Old = """
        rule keep on ping delay 1h send email "keep {{ event.n }}"

        rule gone on ping delay 1h send email "gone {{ event.n }}"
        """;

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static string Ping(string id, int n, DateTimeOffset time) =>
        $$$"""{"id":"{{{id}}}","name":"ping","user":"u1","time":"{{{time:yyyy-MM-ddTHH:mm:ssZ}}}","properties":{"n":{{{n}}}}}""";

    [Fact]
    public async Task Rules_with_errors_are_refused_with_422_and_the_running_rules_keep_deciding()
    {
        using var folder = new TempFolder().WithRules(Schema, "schema.trig").WithRules(Old);
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Now));
        await runtime.AcceptAsync("/v1/users", """{"id":"u1","attributes":{"email":"u1@example.com"}}""");

        folder.WithRules("rule keep on ping delay 1h send email \"{{ event.n }\"\nrule broken on pong send email \"x\"\n");
        using var reload = await runtime.Http.PostAsync("/v1/admin/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        using (var answer = JsonDocument.Parse(await reload.Content.ReadAsStringAsync()))
        {
            Assert.False(answer.RootElement.GetProperty("reloaded").GetBoolean());
            var diagnostics = answer.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()!).ToList();
            Assert.NotEmpty(diagnostics);
            Assert.Contains(diagnostics, d => d.Contains("pong", StringComparison.Ordinal));
        }
        await runtime.AcceptAsync("/v1/events", Ping("e1", 1, Now));
        await runtime.DrainAsync();

        var export = await runtime.ExportAsync();
        Assert.Contains("\"rule\":\"keep\",\"user\":\"u1\",\"channel\":\"email\",\"status\":\"sent\",\"trigger\":\"e1\",\"fields\":{\"body\":\"keep 1\"}", export);
        Assert.Contains("\"rule\":\"gone\",\"user\":\"u1\",\"channel\":\"email\",\"status\":\"sent\",\"trigger\":\"e1\",\"fields\":{\"body\":\"gone 1\"}", export);
    }

    [Fact]
    public async Task A_valid_change_is_picked_up_and_a_removed_rules_pending_sends_are_suppressed_as_inactive()
    {
        using var folder = new TempFolder().WithRules(Schema, "schema.trig").WithRules(Old);
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Now));
        await runtime.AcceptAsync("/v1/users", """{"id":"u1","attributes":{"email":"u1@example.com"}}""");
        await runtime.AcceptAsync("/v1/events", Ping("e1", 1, Now));
        await runtime.SettleAsync();
        Assert.Equal(2, runtime.Count("pending"));

        folder.WithRules("""
            rule keep on ping delay 1h send email "kept {{ event.n }}"

            rule fresh on ping send email "fresh {{ event.n }}"
            """);
        using var reload = await runtime.Http.PostAsync("/v1/admin/reload", null);
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        await runtime.SettleAsync();
        runtime.Clock.SetUtcNow(Now.AddMinutes(10));
        await runtime.AcceptAsync("/v1/events", Ping("e2", 2, Now.AddMinutes(10)));
        await runtime.DrainAsync();

        Assert.Equal(string.Join("", [
            """{"time":"2026-12-01T10:10:00Z","rule":"fresh","user":"u1","channel":"email","status":"sent","trigger":"e2","fields":{"body":"fresh 2"}}""" + "\n",
            """{"time":"2026-12-01T11:00:00Z","rule":"gone","user":"u1","channel":"email","status":"suppressed","reason":"inactive","trigger":"e1"}""" + "\n",
            // A pending send renders at its send time, with the rules of that time.
            """{"time":"2026-12-01T11:00:00Z","rule":"keep","user":"u1","channel":"email","status":"sent","trigger":"e1","fields":{"body":"kept 1"}}""" + "\n",
            """{"time":"2026-12-01T11:10:00Z","rule":"keep","user":"u1","channel":"email","status":"sent","trigger":"e2","fields":{"body":"kept 2"}}""" + "\n",
        ]), await runtime.ExportAsync());
    }

    [Fact]
    public async Task A_saved_change_is_picked_up_without_asking_when_the_rules_are_watched()
    {
        using var folder = new TempFolder().WithRules(Schema, "schema.trig").WithRules(Old);
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Now),
            new Dictionary<string, string?> { ["Runtime:WatchRules"] = "true" });
        await runtime.AcceptAsync("/v1/users", """{"id":"u1","attributes":{"email":"u1@example.com"}}""");

        folder.WithRules("""rule fresh on ping send email "fresh {{ event.n }}" """);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!runtime.Services.Loop.Project.Rules.Rules.Any(r => r.Name == "fresh"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the edited rules were not reloaded");
            await Task.Delay(50);
        }
        await runtime.AcceptAsync("/v1/events", Ping("e1", 1, Now));
        await runtime.DrainAsync();

        Assert.Equal(
            """{"time":"2026-12-01T10:00:00Z","rule":"fresh","user":"u1","channel":"email","status":"sent","trigger":"e1","fields":{"body":"fresh 1"}}""" + "\n",
            await runtime.ExportAsync());
    }
}
