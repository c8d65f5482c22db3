using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Compiler.Templates;

/// <summary>What a template can see.</summary>
public sealed record TemplateScope(UserSchema User, EventSymbol? Trigger, string? TriggerAlias, bool IsDigest);
