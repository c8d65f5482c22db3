using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// What a rule's templates can see (LANGUAGE.md §5): <c>user</c> (the recipient),
/// <c>event</c> and the trigger's alias (the trigger event; null when it is unknown,
/// which was reported elsewhere), <c>rule</c>, and in digest rules <c>events</c> and <c>count</c>.
/// </summary>
public sealed record TemplateScope(UserSchema User, EventSymbol? Trigger, string? TriggerAlias, bool IsDigest);
