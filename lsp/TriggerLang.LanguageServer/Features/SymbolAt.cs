using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.LanguageServer.Features;

/// <summary>What the name under the cursor refers to, with the span of that name; hover and go to definition share it.</summary>
public abstract record SymbolAt(TextSpan Span);

public sealed record EventAt(TextSpan Span, EventSymbol Event) : SymbolAt(Span);

/// <summary>A field of <paramref name="Owner"/> (an event name, or "user" for a profile attribute).</summary>
public sealed record FieldAt(TextSpan Span, FieldSymbol Field, string Owner) : SymbolAt(Span);

public sealed record RuleAt(TextSpan Span, BoundRule Rule) : SymbolAt(Span);

public sealed record ChannelAt(TextSpan Span, ChannelDefinition Channel) : SymbolAt(Span);

public sealed record FunctionAt(TextSpan Span, FunctionSymbol Function) : SymbolAt(Span);

/// <summary><c>template "path"</c>: <paramref name="FullPath"/> is where the file is (or would be).</summary>
public sealed record TemplateFileAt(TextSpan Span, string FullPath) : SymbolAt(Span);
