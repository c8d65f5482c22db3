namespace TriggerLang.Plugins.Outbox;

/// <summary>
/// One channel of the outbox: a delivery is delivered once its line is in the channel's file. A delivery whose
/// idempotency key has a line already (the runtime repeating a message after a crash) is delivered without a second line.
/// </summary>
internal sealed class OutboxChannel(string name, OutboxFile file) : IChannel, IDisposable
{
    private static readonly Task<DeliveryResult> Delivered = Task.FromResult(DeliveryResult.Delivered());

    public string Name { get; } = name;

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        // A local append takes microseconds: doing it synchronously is cheaper than any hand-off to another thread.
        try
        {
            file.TryAppend(delivery.IdempotencyKey, OutboxLine.Write(delivery));
            return Delivered;
        }
        catch (IOException e)
        {
            // A full or unavailable disk may recover; the host retries.
            return Task.FromResult(DeliveryResult.Retryable($"cannot write {file.Path}: {e.Message}"));
        }
    }

    /// <summary>Closes the file (a host that unloads plugins, tests). Nothing is lost without it: nothing is buffered.</summary>
    public void Dispose() => file.Dispose();
}
