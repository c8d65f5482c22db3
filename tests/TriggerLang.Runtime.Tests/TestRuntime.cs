using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TriggerLang.Runtime.Tests;

/// <summary>
/// One live runtime in process, as <c>trig run</c> builds it: on a free loopback port, with its own database and
/// plugins folder (in <see cref="TempFolder"/>), a fake clock, and an HTTP client that sends the API key. The clock
/// never moves by itself: tests advance it and <see cref="SettleAsync"/> (Quartz's sweep is not relied upon).
/// </summary>
internal sealed class TestRuntime : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789";

    private TestRuntime(WebApplication app, FakeTimeProvider clock, HttpClient http)
    {
        App = app;
        Clock = clock;
        Http = http;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Http { get; }

    public RuntimeServices Services => App.Services.GetRequiredService<RuntimeServices>();

    /// <summary>Starts a runtime over the rules in <paramref name="rules"/>, keeping its database and outbox in <paramref name="folder"/>.</summary>
    /// <param name="services">Changes to the runtime's services (e.g. a store that holds up the start-up load).</param>
    /// <param name="waitLoaded">Returns once the state is loaded and the loop decides (the runtime serves before that).</param>
    public static async Task<TestRuntime> StartAsync(TempFolder folder, string rules, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, bool waitLoaded = true)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Runtime:Rules"] = rules,
            ["Runtime:Db"] = Path.Combine(folder.Path, "trig.db"),
            ["Runtime:ApiKeys:0"] = ApiKey,
            ["Runtime:WatchRules"] = "false",
            ["Runtime:Delivery:FirstRetryAfter"] = "00:00:00.001",
            ["Runtime:Delivery:MaxRetryDelay"] = "00:00:00.010",
            ["PluginHost:Folder"] = folder.Plugins,
            ["Plugins:outbox:Directory"] = Path.Combine(folder.Path, "outbox"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        var app = RuntimeHost.Build([], folder.Plugins, clock, config => config.AddInMemoryCollection(configuration), services);
        await app.StartAsync();
        if (waitLoaded)
        {
            await app.Services.GetRequiredService<RuntimeServices>().Loop.WhenLoaded.WaitAsync(TimeSpan.FromSeconds(30));
        }
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return new TestRuntime(app, clock, http);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Posts and expects 202.</summary>
    public async Task AcceptAsync(string path, string json)
    {
        using var response = await PostAsync(path, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{path}: {(int)response.StatusCode} {body}");
    }

    /// <summary>Wakes the decision loop (as the sweep would) and waits until it has nothing left to do.</summary>
    public async Task SettleAsync()
    {
        Services.Loop.Wake();
        await Services.Loop.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Settles while deliveries are retried: the retry backoff waits on the runtime's clock, so the fake clock is
    /// nudged forward (by much less than any rule's delay) until the loop is idle.
    /// </summary>
    public async Task SettleDeliveriesAsync()
    {
        Services.Loop.Wake();
        var idle = Services.Loop.WhenIdleAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!idle.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the decision loop did not become idle");
            Clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.WhenAny(idle, Task.Delay(10));
        }
        await idle;
    }

    /// <summary>Moves the clock to <paramref name="time"/> (never back) and settles.</summary>
    public async Task AdvanceToAsync(DateTimeOffset time)
    {
        if (time > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(time);
        }
        await SettleAsync();
    }

    /// <summary>The earliest pending send, as the database has it.</summary>
    public DateTimeOffset? NextDue()
    {
        using var connection = Services.Database.Open();
        var due = connection.ExecuteScalar<long?>("SELECT MIN(due) FROM pending");
        return due is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    /// <summary>Fires every send due up to <paramref name="until"/> exactly at its due time, in order, then moves the clock there.</summary>
    public async Task FireDueUntilAsync(DateTimeOffset until)
    {
        while (NextDue() is { } due && due <= until)
        {
            await AdvanceToAsync(due);
        }
        await AdvanceToAsync(until);
    }

    /// <summary>Fires every pending send, each at its due time.</summary>
    public async Task DrainAsync()
    {
        // Input still in the inbox may add pending sends.
        await SettleAsync();
        while (NextDue() is { } due)
        {
            await AdvanceToAsync(due);
        }
        await SettleAsync();
    }

    public long Count(string table)
    {
        using var connection = Services.Database.Open();
        return connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
    }

    public async Task<string> ExportAsync()
    {
        using var response = await Http.GetAsync("/v1/outcomes/export");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
