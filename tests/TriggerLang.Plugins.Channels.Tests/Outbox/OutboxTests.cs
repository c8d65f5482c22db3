using System.Text.Json;
using TriggerLang.Plugins.Outbox;
using static TriggerLang.Plugins.Channels.Tests.TestDeliveries;

namespace TriggerLang.Plugins.Channels.Tests.Outbox;

public sealed class OutboxTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly List<IChannel> _channels = [];

    public void Dispose()
    {
        foreach (var channel in _channels.OfType<IDisposable>())
        {
            channel.Dispose();
        }
        _folder.Dispose();
    }

    [Fact]
    public async Task A_delivery_is_one_compact_line_in_its_channels_file()
    {
        var email = Channel("email");
        var delivery = Create(
            "email",
            [Field("subject", "Your cart"), Field("body", "<p>Still there, Ann? 2 items — €150</p>")],
            new Dictionary<string, string> { ["phone"] = "+15550100", ["email"] = "a@example.com" });

        var result = await email.DeliverAsync(delivery, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered(), result);
        Assert.Equal(
            """{"time":"2026-12-01T15:30:00Z","rule":"cart_recovery","user":"u1","channel":"email","trigger":"e1","idempotency_key":"cart_recovery/u1/e1/email","addresses":{"email":"a@example.com","phone":"+15550100"},"fields":{"subject":"Your cart","body":"<p>Still there, Ann? 2 items — €150</p>"}}""" + "\n",
            File.ReadAllText(Path.Combine(_folder.Path, "email.jsonl")));
    }

    [Fact]
    public async Task Each_channel_has_its_own_file_and_unused_channels_none()
    {
        await Channel("sms").DeliverAsync(Create("sms", [Field("body", "hi")]), CancellationToken.None);
        await Channel("in_app").DeliverAsync(Create("in_app", [Field("body", "hello")]), CancellationToken.None);

        Assert.Equal(["in_app.jsonl", "sms.jsonl"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_new_plugin_instance_appends_to_the_existing_file()
    {
        await Channel("push").DeliverAsync(Create("push", [Field("body", "one")], key: "k1"), CancellationToken.None);
        await Channel("push").DeliverAsync(Create("push", [Field("body", "two")], key: "k2"), CancellationToken.None);

        var bodies = File.ReadAllLines(Path.Combine(_folder.Path, "push.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("fields").GetProperty("body").GetString());
        Assert.Equal(["one", "two"], bodies);
    }

    [Fact]
    public async Task Concurrent_deliveries_never_interleave_lines()
    {
        var webhook = Channel("webhook");
        const int threads = 4, perThread = 1_000;
        var body = new string('x', 5_000); // longer than FileStream's default 4 KB buffer, where a torn write would show

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < perThread; i++)
            {
                await webhook.DeliverAsync(Create("webhook", [Field("body", body)], user: $"u{t}-{i}", key: $"k{t}-{i}"), CancellationToken.None);
            }
        })));

        var lines = File.ReadAllLines(Path.Combine(_folder.Path, "webhook.jsonl"));
        Assert.Equal(threads * perThread, lines.Length);
        var users = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("user").GetString()).ToHashSet();
        Assert.Equal(threads * perThread, users.Count);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_is_delivered_without_a_second_line()
    {
        var email = Channel("email");

        var first = await email.DeliverAsync(Create("email", [Field("body", "one")], key: "r/u1/e1/email"), CancellationToken.None);
        var repeat = await email.DeliverAsync(Create("email", [Field("body", "one again")], key: "r/u1/e1/email"), CancellationToken.None);
        var other = await email.DeliverAsync(Create("email", [Field("body", "two")], key: "r/u1/e2/email"), CancellationToken.None);

        Assert.All(new[] { first, repeat, other }, result => Assert.Equal(DeliveryResult.Delivered(), result));
        Assert.Equal(["one", "two"], Bodies("email.jsonl"));
    }

    [Fact]
    public async Task The_keys_already_in_the_file_are_known_after_a_restart()
    {
        // A crash after the line was written but before the runtime recorded the answer: the runtime delivers again.
        await Channel("sms").DeliverAsync(Create("sms", [Field("body", "one")], key: "k1"), CancellationToken.None);
        await Channel("sms").DeliverAsync(Create("sms", [Field("body", "two")], key: "k2"), CancellationToken.None);

        var restarted = Channel("sms");
        var repeat = await restarted.DeliverAsync(Create("sms", [Field("body", "one")], key: "k1"), CancellationToken.None);
        await restarted.DeliverAsync(Create("sms", [Field("body", "three")], key: "k3"), CancellationToken.None);
        await restarted.DeliverAsync(Create("sms", [Field("body", "two")], key: "k2"), CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered(), repeat);
        Assert.Equal(["one", "two", "three"], Bodies("sms.jsonl"));
    }

    [Fact]
    public async Task Lines_longer_than_the_read_buffer_and_foreign_lines_are_read_back()
    {
        var path = Path.Combine(_folder.Path, "webhook.jsonl");
        var big = new string('x', 200_000);
        await Channel("webhook").DeliverAsync(Create("webhook", [Field("body", big)], key: "big"), CancellationToken.None);
        File.AppendAllText(path, "not json\n{\"fields\":{\"idempotency_key\":\"nested\"}}\n[1]\n");
        await Channel("webhook").DeliverAsync(Create("webhook", [Field("body", "small")], key: "small"), CancellationToken.None);

        var restarted = Channel("webhook");
        foreach (var key in new[] { "big", "small", "nested" })
        {
            await restarted.DeliverAsync(Create("webhook", [Field("body", key)], key: key), CancellationToken.None);
        }

        // Only a top-level idempotency_key names a message: "nested" was never delivered, so it is now.
        Assert.Equal(["big", "small", "nested"], File.ReadLines(path).Where(l => l.StartsWith('{') && l.Contains("\"user\""))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("idempotency_key").GetString()));
    }

    [Fact]
    public async Task A_line_cut_short_is_ended_so_that_the_next_line_stays_whole()
    {
        var path = Path.Combine(_folder.Path, "in_app.jsonl");
        File.WriteAllText(path, "{\"idempotency_key\":\"k0\"}\n{\"time\":\"2026-12-01T15:30:00Z\",\"rule\":\"r\",\"idempot");

        await Channel("in_app").DeliverAsync(Create("in_app", [Field("body", "one")], key: "k1"), CancellationToken.None);
        await Channel("in_app").DeliverAsync(Create("in_app", [Field("body", "zero")], key: "k0"), CancellationToken.None);

        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal("k1", JsonDocument.Parse(lines[2]).RootElement.GetProperty("idempotency_key").GetString());
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_key_write_one_line()
    {
        var push = Channel("push");

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            Task.Run(() => push.DeliverAsync(Create("push", [Field("body", "once")], key: "same"), CancellationToken.None))));

        Assert.All(results, result => Assert.Equal(DeliveryResult.Delivered(), result));
        Assert.Equal(["once"], Bodies("push.jsonl"));
    }

    [Fact]
    public async Task A_relative_folder_is_relative_to_the_working_directory()
    {
        var relative = $"trig-outbox-{Guid.NewGuid():N}";
        var channel = new OutboxPlugin().CreateChannels(TestContexts.Create("outbox", new Dictionary<string, string> { ["Directory"] = relative })).Single(c => c.Name == "sms");
        try
        {
            await channel.DeliverAsync(Create("sms", [Field("body", "hi")]), CancellationToken.None);

            Assert.True(File.Exists(Path.Combine(Environment.CurrentDirectory, relative, "sms.jsonl")));
        }
        finally
        {
            ((IDisposable)channel).Dispose();
            Directory.Delete(Path.Combine(Environment.CurrentDirectory, relative), recursive: true);
        }
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_a_configuration_error()
    {
        var file = Path.Combine(_folder.Path, "a-file");
        File.WriteAllText(file, "");

        var error = Assert.Throws<PluginConfigurationException>(() =>
            new OutboxPlugin().CreateChannels(TestContexts.Create("outbox", new Dictionary<string, string> { ["Directory"] = Path.Combine(file, "outbox") })));
        Assert.Contains("Plugins:outbox:Directory", error.Message);
    }

    private IEnumerable<string?> Bodies(string file) => File.ReadAllLines(Path.Combine(_folder.Path, file))
        .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("fields").GetProperty("body").GetString());

    private IChannel Channel(string name)
    {
        var channels = new OutboxPlugin().CreateChannels(TestContexts.Create("outbox", new Dictionary<string, string> { ["Directory"] = _folder.Path }));
        _channels.AddRange(channels);
        return channels.Single(c => c.Name == name);
    }
}
