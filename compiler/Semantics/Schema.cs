namespace TriggerLang.Compiler.Semantics;

/// <summary>The schema the type checker works against: all events (declared and built-in) and the user profile.</summary>
public sealed class Schema(IReadOnlyDictionary<string, EventSymbol> events, UserSchema user)
{
    public IReadOnlyDictionary<string, EventSymbol> Events { get; } = events;

    public UserSchema User { get; } = user;

    public EventSymbol? Event(string name) => Events.GetValueOrDefault(name);
}
