// TEMPORARY: replaced by the render4 branch on merge.
using System.Collections.Immutable;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Evaluation;
namespace TriggerLang.Engine.Rendering;
public sealed record RenderLimits(int MaxLoopIterations, int MaxOutputChars, TimeSpan Deadline)
{ public static RenderLimits Default { get; } = new(10_000, 100 * 1024, TimeSpan.FromSeconds(2)); }
public sealed record RenderScope(UserRecord User, EventRecord Trigger, IReadOnlyList<EventRecord>? DigestEvents, int? Count);
public sealed record RenderResult(ImmutableArray<KeyValuePair<string, string>> Fields, string? Failure) { public bool Succeeded => Failure is null; }
public sealed class MessageRenderer(SemanticModel model, RenderLimits limits)
{
    public RenderResult Render(BoundRule rule, BoundSend send, RenderScope scope) => throw new NotImplementedException(model.ToString() + limits);
}
