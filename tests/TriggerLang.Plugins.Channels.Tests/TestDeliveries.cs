namespace TriggerLang.Plugins.Channels.Tests;

internal static class TestDeliveries
{
    public static readonly DateTimeOffset Time = new(2026, 12, 1, 15, 30, 0, TimeSpan.Zero);

    public static Delivery Create(
        string channel,
        IReadOnlyList<KeyValuePair<string, string>> fields,
        IReadOnlyDictionary<string, string>? addresses = null,
        string user = "u1",
        string key = "cart_recovery/u1/e1/email") =>
        new(channel, "cart_recovery", user, addresses ?? new Dictionary<string, string>(), fields, key, "e1", Time);

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
