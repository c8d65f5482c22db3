using TriggerLang.Compiler.Semantics;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Interpretation;

/// <summary>
/// The rule predicates of a semantic model, interpreted: the same contract as
/// a compiled rule pack, so that the engine can run either and a test can
/// compare them. Records are generated types, so new ones come from
/// <paramref name="records"/> (usually the compiled pack of the same model).
/// </summary>
public sealed class RuleInterpreter(SemanticModel model, IRuleEvaluators records) : IRuleEvaluators
{
    private readonly ExpressionInterpreter _interpreter = new(model.Schema);

    public SemanticModel Model { get; } = model;

    public bool Where(int rule, EventRecord trigger, UserRecord user, DateTimeOffset now) =>
        Model.Rules[rule].Where is not { } where || ExpressionInterpreter.IsTrue(_interpreter.Evaluate(where, trigger, null, user, now));

    public bool UnlessWhere(int rule, int unless, EventRecord trigger, EventRecord candidate, UserRecord user, DateTimeOffset now) =>
        Model.Rules[rule].Unless[unless].Where is not { } where
        || ExpressionInterpreter.IsTrue(_interpreter.Evaluate(where, trigger, candidate, user, now));

    public bool GoalWhere(int rule, EventRecord trigger, EventRecord candidate, UserRecord user, DateTimeOffset now) =>
        Model.Rules[rule].Goal?.Where is not { } where
        || ExpressionInterpreter.IsTrue(_interpreter.Evaluate(where, trigger, candidate, user, now));

    public string? Audience(int rule, EventRecord trigger, UserRecord user, DateTimeOffset now) =>
        Model.Rules[rule].Audience.Expression is { } to ? (string?)_interpreter.Evaluate(to, trigger, null, user, now) : null;

    public EventRecord? NewEvent(string name) => records.NewEvent(name);

    public UserRecord NewUser(string id) => records.NewUser(id);
}
