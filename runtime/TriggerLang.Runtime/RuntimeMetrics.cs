using Prometheus;
using TriggerLang.Engine.Decision;
using TriggerLang.Plugins;

namespace TriggerLang.Runtime;

/// <summary>
/// Counters and latencies in Prometheus form (<c>GET /metrics</c>): what came in, what was decided, how
/// deliveries went and how long things took. One registry per runtime, so that several runtimes in one process
/// (tests) do not mix their figures.
/// </summary>
public sealed class RuntimeMetrics
{
    private readonly Counter _accepted;
    private readonly Counter _duplicates;
    private readonly Counter _rejected;
    private readonly Counter _processed;
    private readonly Counter _fired;
    private readonly Counter _outcomes;
    private readonly Counter _conversions;
    private readonly Counter _deliveries;
    private readonly Counter _retries;
    private readonly Counter _passFailures;
    private readonly Histogram _deliveryDuration;
    private readonly Histogram _ingestDuration;

    public RuntimeMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _accepted = factory.CreateCounter("trig_records_accepted_total", "Input records accepted (durable) through the API.");
        _duplicates = factory.CreateCounter("trig_events_duplicate_total", "Events acknowledged but not processed again: their id was seen before.");
        _rejected = factory.CreateCounter("trig_requests_rejected_total", "Requests refused, by HTTP status.", "status");
        _processed = factory.CreateCounter("trig_records_processed_total", "Input records the decision loop has processed.");
        _fired = factory.CreateCounter("trig_sends_fired_total", "Pending sends that came due and were decided.");
        _outcomes = factory.CreateCounter("trig_outcomes_total", "Outcomes recorded, by status and reason.", "status", "reason");
        _conversions = factory.CreateCounter("trig_conversions_total", "Goal events attributed to a send.");
        _deliveries = factory.CreateCounter("trig_deliveries_total", "Deliveries finished, by channel and result.", "channel", "result");
        _retries = factory.CreateCounter("trig_delivery_retries_total", "Delivery attempts retried after a retryable failure.");
        _passFailures = factory.CreateCounter("trig_decision_pass_failures_total", "Decision passes rolled back after an error.");
        _deliveryDuration = factory.CreateHistogram("trig_delivery_duration_seconds", "Time to deliver a message, retries included.",
            new HistogramConfiguration { LabelNames = ["channel"], Buckets = Histogram.ExponentialBuckets(0.0005, 4, 10) });
        _ingestDuration = factory.CreateHistogram("trig_ingest_duration_seconds", "Time to validate and durably accept one request.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
    }

    public CollectorRegistry Registry { get; }

    public void Accepted(int records, int duplicates, TimeSpan took)
    {
        _accepted.Inc(records);
        _duplicates.Inc(duplicates);
        _ingestDuration.Observe(took.TotalSeconds);
    }

    public void Rejected(int status) => _rejected.WithLabels(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();

    public void InputsProcessed(int count) => _processed.Inc(count);

    public void SendFired() => _fired.Inc();

    public void Conversions(int count)
    {
        if (count > 0)
        {
            _conversions.Inc(count);
        }
    }

    internal void Committed(IEnumerable<(long Decision, Outcome Outcome)> outcomes)
    {
        foreach (var (_, outcome) in outcomes)
        {
            _outcomes.WithLabels(OutcomeNames.Of(outcome.Status), outcome.Reason is { } reason ? OutcomeNames.Of(reason) : "").Inc();
        }
    }

    public void Delivered(string channel, DeliveryStatus status, TimeSpan took)
    {
        _deliveries.WithLabels(channel, status == DeliveryStatus.Delivered ? "delivered" : "failed").Inc();
        _deliveryDuration.WithLabels(channel).Observe(took.TotalSeconds);
    }

    public void DeliveryRetried() => _retries.Inc();

    public void PassFailed() => _passFailures.Inc();
}
