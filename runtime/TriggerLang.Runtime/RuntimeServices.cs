using TriggerLang.Runtime.Ingest;
using TriggerLang.Runtime.Processing;
using TriggerLang.Runtime.Storage;
using TriggerLang.Runtime.Storage.Sqlite;

namespace TriggerLang.Runtime;

/// <summary>The runtime's parts, as the endpoints and tests reach them.</summary>
internal sealed class RuntimeServices(RuntimeOptions options, IRuntimeStore store, Database database, DecisionLoop loop, Inbox inbox, RulesReloader reloader,
    RuntimeMetrics metrics)
{
    public RuntimeOptions Options { get; } = options;

    public IRuntimeStore Store { get; } = store;

    /// <summary>The SQLite file behind <see cref="Store"/> (the embedded default): for tests and tools that look inside.</summary>
    public Database Database { get; } = database;

    public DecisionLoop Loop { get; } = loop;

    public Inbox Inbox { get; } = inbox;

    public RulesReloader Reloader { get; } = reloader;

    public RuntimeMetrics Metrics { get; } = metrics;
}
