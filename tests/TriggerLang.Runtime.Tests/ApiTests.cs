using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace TriggerLang.Runtime.Tests;

/// <summary>The HTTP contract producers rely on: the API key, refusals that say what is wrong and store nothing, limits, retries.</summary>
public sealed class ApiTests
{
    private const string Rules = """
        event ping { n: int }

        rule hello on ping send email "hi {{ event.n }}"
        """;

    private const string User = """{"type":"user","id":"u1","attributes":{"email":"u1@example.com"}}""";

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static string Ping(string id, int n = 1) =>
        $$$"""{"type":"event","id":"{{{id}}}","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"n":{{{n}}}}}""";

    private static async Task<TestRuntime> StartAsync(TempFolder folder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        folder.WithRules(Rules);
        var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Now), settings);
        await runtime.AcceptAsync("/v1/users", User);
        await runtime.SettleAsync();
        return runtime;
    }

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "POST", "/v1/events" },
        { "POST", "/v1/users" },
        { "POST", "/v1/follows" },
        { "PUT", "/v1/users/u1/subscriptions" },
        { "GET", "/v1/users/u1/outcomes" },
        { "GET", "/v1/outcomes/export" },
        { "POST", "/v1/admin/reload" },
        { "GET", "/metrics" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_but_healthz_needs_the_api_key(string method, string path)
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);
        using var anonymous = new HttpClient { BaseAddress = runtime.Http.BaseAddress };

        foreach (var key in new string?[] { null, "wrong-key", TestRuntime.ApiKey + "x" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (key is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            if (method != "GET")
            {
                request.Content = new StringContent(Ping("e1"), Encoding.UTF8, "application/json");
            }
            using var response = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        await runtime.SettleAsync();
        Assert.Equal(1, runtime.Count("inbox"));
        Assert.Equal(0, runtime.Count("outcomes"));
    }

    [Fact]
    public async Task Healthz_needs_no_key()
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);
        using var anonymous = new HttpClient { BaseAddress = runtime.Http.BaseAddress };

        using var response = await anonymous.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string, int?, string> BadRecords() => new()
    {
        // A valid record first: the bad second one refuses the whole batch.
        { "wrong type", $$$"""[{{{Ping("ok")}}}, {"type":"event","id":"e2","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"n":"three"}}]""", 1, "properties.n" },
        { "missing field", $$$"""[{{{Ping("ok")}}}, {"type":"event","id":"e2","name":"ping","time":"2026-12-01T10:00:00Z","properties":{"n":3}}]""", 1, "user" },
        { "missing property", $$$"""[{{{Ping("ok")}}}, {"type":"event","id":"e2","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{}}]""", 1, "properties.n" },
        { "unknown event", $$$"""[{{{Ping("ok")}}}, {{{Ping("e2")}}}, {"type":"event","id":"e3","name":"pong","user":"u1","time":"2026-12-01T10:00:00Z","properties":{}}]""", 2, "name" },
        { "wrong record type", $$$"""[{{{Ping("ok")}}}, {{{User}}}]""", 1, "type" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task A_bad_record_is_refused_with_its_index_and_field_and_nothing_of_the_batch_is_stored(string _, string body, int? index, string field)
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);
        var before = runtime.Count("inbox");

        using var response = await runtime.PostAsync("/v1/events", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(index, problem.RootElement.GetProperty("index").GetInt32());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Contains($"record {index}", problem.RootElement.GetProperty("error").GetString());
        Assert.Contains(field.Split('.')[^1], problem.RootElement.GetProperty("error").GetString());
        await runtime.SettleAsync();
        Assert.Equal(before, runtime.Count("inbox"));
        Assert.Equal(0, runtime.Count("outcomes"));
    }

    [Theory]
    [InlineData("/v1/events", "{\"type\":\"event\",")]
    [InlineData("/v1/events", "[{\"type\":\"event\"} {}]")]
    [InlineData("/v1/users", "not json")]
    [InlineData("/v1/events", "")]
    public async Task Malformed_json_is_refused(string path, string body)
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);
        var before = runtime.Count("inbox");

        using var response = await runtime.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, runtime.Count("inbox"));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder, new Dictionary<string, string?> { ["Runtime:MaxBodyBytes"] = "1000" });
        var before = runtime.Count("inbox");
        var body = $"[{string.Join(",", Enumerable.Range(0, 20).Select(i => Ping($"big{i}")))}]";
        Assert.True(Encoding.UTF8.GetByteCount(body) > 1000);

        using var response = await runtime.PostAsync("/v1/events", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, runtime.Count("inbox"));
    }

    [Fact]
    public async Task More_records_than_the_batch_limit_are_refused_with_413()
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder, new Dictionary<string, string?> { ["Runtime:MaxBatch"] = "3" });
        var before = runtime.Count("inbox");

        using var three = await runtime.PostAsync("/v1/events", $"[{Ping("a")},{Ping("b")},{Ping("c")}]");
        using var four = await runtime.PostAsync("/v1/events", $"[{Ping("d")},{Ping("e")},{Ping("f")},{Ping("g")}]");

        Assert.Equal(HttpStatusCode.Accepted, three.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, four.StatusCode);
        Assert.Contains("3", await four.Content.ReadAsStringAsync());
        Assert.Equal(before + 3, runtime.Count("inbox"));
    }

    [Fact]
    public async Task A_repeated_event_id_is_acknowledged_as_a_duplicate_and_decided_once()
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);

        using var first = await runtime.PostAsync("/v1/events", Ping("e1"));
        await runtime.SettleAsync();
        using var again = await runtime.PostAsync("/v1/events", $"[{Ping("e1")},{Ping("e2", 2)}]");
        await runtime.SettleAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        using var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(1, answer.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.RootElement.GetProperty("duplicates").GetInt32());
        var lines = (await runtime.ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Single(lines, l => l.Contains("\"trigger\":\"e1\""));
        Assert.Single(lines, l => l.Contains("\"trigger\":\"e2\""));
    }

    [Fact]
    public async Task Type_may_be_left_out()
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);

        await runtime.AcceptAsync("/v1/users", """{"id":"u2","attributes":{"email":"u2@example.com"}}""");
        await runtime.AcceptAsync("/v1/follows", """{"follower":"u2","followee":"u1"}""");
        await runtime.AcceptAsync("/v1/events", """[{"id":"e1","name":"ping","user":"u2","time":"2026-12-01T10:00:00Z","properties":{"n":7}}, { "id":"e2","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"n":8}}]""");
        await runtime.SettleAsync();

        var export = await runtime.ExportAsync();
        Assert.Contains("\"user\":\"u2\",\"channel\":\"email\",\"status\":\"sent\",\"trigger\":\"e1\",\"fields\":{\"body\":\"hi 7\"}", export);
        Assert.Contains("\"user\":\"u1\",\"channel\":\"email\",\"status\":\"sent\",\"trigger\":\"e2\",\"fields\":{\"body\":\"hi 8\"}", export);
    }

    [Fact]
    public async Task After_unsubscribing_through_the_api_a_send_is_suppressed_as_unsubscribed()
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);

        using var put = await runtime.Http.PutAsync("/v1/users/u1/subscriptions",
            new StringContent("""{"subscriptions":{"email":false}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        await runtime.SettleAsync();
        await runtime.AcceptAsync("/v1/events", Ping("e1"));
        await runtime.SettleAsync();

        Assert.Equal(
            """{"time":"2026-12-01T10:00:00Z","rule":"hello","user":"u1","channel":"email","status":"suppressed","reason":"unsubscribed","trigger":"e1"}""" + "\n",
            await runtime.ExportAsync());
        using var trace = JsonDocument.Parse(await runtime.Http.GetStringAsync("/v1/users/u1/outcomes"));
        var outcome = Assert.Single(trace.RootElement.GetProperty("outcomes").EnumerateArray());
        Assert.Equal("unsubscribed", outcome.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("""{"subscriptions":{"email":"no"}}""")]
    [InlineData("""{"subscription":{"email":false}}""")]
    [InlineData("""[]""")]
    public async Task A_bad_subscriptions_body_is_refused(string body)
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);
        var before = runtime.Count("inbox");

        using var put = await runtime.Http.PutAsync("/v1/users/u1/subscriptions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(before, runtime.Count("inbox"));
    }

    [Fact]
    public async Task The_trace_shows_a_users_outcomes_and_pending_sends()
    {
        using var folder = new TempFolder();
        folder.WithRules("""
            event ping { n: int }

            rule hello on ping send email "hi {{ event.n }}"

            rule later on ping delay 1d send email "later"
            """);
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Now));
        await runtime.AcceptAsync("/v1/users", User);
        await runtime.AcceptAsync("/v1/events", Ping("e1"));
        await runtime.SettleAsync();

        using var trace = JsonDocument.Parse(await runtime.Http.GetStringAsync("/v1/users/u1/outcomes"));

        var outcome = Assert.Single(trace.RootElement.GetProperty("outcomes").EnumerateArray());
        Assert.Equal("hello", outcome.GetProperty("rule").GetString());
        Assert.Equal("sent", outcome.GetProperty("status").GetString());
        Assert.NotEmpty(outcome.GetProperty("explain").EnumerateArray());
        var pending = Assert.Single(trace.RootElement.GetProperty("pending").EnumerateArray());
        Assert.Equal("later", pending.GetProperty("rule").GetString());
        Assert.Equal("2026-12-02T10:00:00Z", pending.GetProperty("due").GetString());
        Assert.Equal("e1", pending.GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task Metrics_count_what_was_accepted()
    {
        using var folder = new TempFolder();
        await using var runtime = await StartAsync(folder);
        await runtime.AcceptAsync("/v1/events", Ping("e1"));
        await runtime.SettleAsync();

        using var response = await runtime.Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("trig", await response.Content.ReadAsStringAsync());
    }
}
