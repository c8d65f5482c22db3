namespace TriggerLang.Plugins;

/// <summary>
/// A rendered message for one recipient. <see cref="Fields"/> are the channel's
/// fields in the manifest's order (only those the rule set). <see cref="Addresses"/>
/// holds the recipient's contact attributes that are set: <c>email</c>,
/// <c>phone</c>, <c>push_token</c>. <see cref="IdempotencyKey"/> is the same for
/// every attempt at this message and never shared by two: <c>RULE/RECIPIENT/TRIGGER/CHANNEL</c>, the ids percent-encoded.
/// </summary>
public sealed record Delivery(
    string Channel,
    string Rule,
    string RecipientId,
    IReadOnlyDictionary<string, string> Addresses,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    string IdempotencyKey,
    string Trigger,
    DateTimeOffset Time)
{
    /// <summary>A field's text, or null when the rule did not set it.</summary>
    public string? Field(string name)
    {
        foreach (var (key, value) in Fields)
        {
            if (key == name)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>An address of the recipient, or null.</summary>
    public string? Address(string attribute) => Addresses.TryGetValue(attribute, out var value) ? value : null;
}

public enum DeliveryStatus
{
    Delivered,
    /// <summary>Worth trying again later (timeouts, 5xx, throttling).</summary>
    RetryableFailure,
    /// <summary>Will never work (4xx, a rejected address): the host gives up at once.</summary>
    PermanentFailure,
}

/// <summary>How a delivery went; <see cref="Detail"/> says why it failed (it ends up in the outcome).</summary>
public readonly record struct DeliveryResult(DeliveryStatus Status, string? Detail = null)
{
    public static DeliveryResult Delivered() => new(DeliveryStatus.Delivered);

    public static DeliveryResult Retryable(string why) => new(DeliveryStatus.RetryableFailure, why);

    public static DeliveryResult Permanent(string why) => new(DeliveryStatus.PermanentFailure, why);
}
