namespace TriggerLang.Runtime;

/// <summary>
/// The runtime's settings, section <c>Runtime</c> of the configuration (appsettings.json, environment variables
/// such as <c>Runtime__Db</c>, command-line options); docs/runtime.md lists them with their defaults.
/// </summary>
public sealed class RuntimeOptions
{
    /// <summary>The rules project folder.</summary>
    public string Rules { get; set; } = ".";

    /// <summary>The SQLite file; default <c>trig.db</c> next to the rules.</summary>
    public string? Db { get; set; }

    /// <summary>API keys accepted as <c>Authorization: Bearer KEY</c>; <c>TRIG_API_KEY</c> adds one.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Keep each outcome's explanation for the "why" trace (<c>GET /v1/users/{id}/outcomes</c>).</summary>
    public bool Explain { get; set; } = true;

    /// <summary>A send fired later than this after its due time is decided as of when it fires (after downtime), not as of its due time.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the due-send sweep runs (a Quartz trigger).</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The most records in one request.</summary>
    public int MaxBatch { get; set; } = 10_000;

    /// <summary>How long event ids are remembered to recognise a producer's retry.</summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Reload the rules when a .trig file changes (as well as on <c>POST /v1/admin/reload</c>).</summary>
    public bool WatchRules { get; set; } = true;

    /// <summary>How often the rules' files are checked for changes (with <see cref="WatchRules"/>).</summary>
    public TimeSpan WatchEvery { get; set; } = TimeSpan.FromSeconds(1);

    public DeliveryOptions Delivery { get; set; } = new();

    public string DatabasePath => Db ?? Path.Combine(Rules, "trig.db");
}

/// <summary>Section <c>Runtime:Delivery</c>: how messages reach their channels.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Attempts at one message before it fails (<c>failed</c>, <c>delivery_failed</c>, a dead letter).</summary>
    public int Attempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles with each retry, with jitter.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages in flight at once per channel.</summary>
    public int WorkersPerChannel { get; set; } = 4;
}
