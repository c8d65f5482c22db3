using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Runtime.Storage;

namespace TriggerLang.Runtime.Processing;

/// <summary>
/// One rule pack at work: the engine over the state loaded from the database for that pack. A reload of the rules
/// starts a new session from the committed state, exactly as a restart does.
/// </summary>
internal sealed class Session
{
    private Session(RuleProject project, StoredRecords records, PendingJson pendingJson, DurableState state, DecisionEngine engine,
        LoopCounters counters, IReadOnlyList<(StoredPending Row, string Payload)> orphans)
    {
        Project = project;
        Records = records;
        PendingJson = pendingJson;
        State = state;
        Engine = engine;
        Counters = counters;
        Orphans = orphans;
    }

    public RuleProject Project { get; }

    public StoredRecords Records { get; }

    public PendingJson PendingJson { get; }

    public DurableState State { get; }

    public DecisionEngine Engine { get; }

    /// <summary>The counters as committed when the session started.</summary>
    public LoopCounters Counters { get; }

    /// <summary>Pending sends whose rule is not in this pack (removed by a reload): to be recorded as suppressed.</summary>
    public IReadOnlyList<(StoredPending Row, string Payload)> Orphans { get; }

    /// <param name="records">The pack's stored-record reader, when the caller made it already (its parser checks input meanwhile).</param>
    /// <param name="cancel">Stops a long load (the runtime is stopping).</param>
    public static Session Start(IRuntimeStore store, RuleProject project, bool explain, StoredRecords? records = null, CancellationToken cancel = default)
    {
        records ??= new StoredRecords(project);
        var pendingJson = new PendingJson(records, project.Rules);
        var loaded = StateLoader.Load(store, project, records, pendingJson, cancel);
        var state = new DurableState(loaded.Memory, records, pendingJson, project.Rules);
        var engine = new DecisionEngine(project.Rules, project.Evaluators, state, project.Renderer, explain, loaded.Counters.PendingId);
        return new Session(project, records, pendingJson, state, engine, loaded.Counters, loaded.Orphans);
    }
}
