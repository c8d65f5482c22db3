namespace TriggerLang.Plugins.Hosting;

/// <summary>
/// One plugin channel behind the host's guard: a call that throws becomes a
/// retryable failure carrying the exception's message, and one that does not
/// finish within the per-call timeout is abandoned as a retryable timeout —
/// even when the plugin ignores its cancellation token or blocks its thread,
/// since the call runs on the thread pool and is awaited with <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>.
/// </summary>
internal sealed class IsolatedChannel(IChannel channel, string plugin, TimeSpan timeout)
{
    public string Name => channel.Name;

    public string Plugin => plugin;

    public async Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await Task.Run(() => channel.DeliverAsync(delivery, deadline.Token), CancellationToken.None)
                .WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host itself is stopping: that is not the plugin's failure.
            throw;
        }
        catch (Exception e) when (e is TimeoutException || e is OperationCanceledException && deadline.IsCancellationRequested)
        {
            return DeliveryResult.Retryable($"channel `{Name}` (plugin `{plugin}`) did not answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception e)
        {
            return DeliveryResult.Retryable($"channel `{Name}` (plugin `{plugin}`) failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
