using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Semantics;

/// <summary>The events every project has (LANGUAGE.md §2).</summary>
public static class BuiltInEvents
{
    public const string MessageSent = "message_sent";
    public const string MessageOpened = "message_opened";
    public const string MessageClicked = "message_clicked";

    public static IReadOnlyList<EventSymbol> All { get; } =
    [
        new(MessageSent, null, [new("rule", TrigType.String, null), new("channel", TrigType.String, null)]),
        new(MessageOpened, null, [new("rule", TrigType.String, null), new("channel", TrigType.String, null)]),
        new(MessageClicked, null,
            [new("rule", TrigType.String, null), new("channel", TrigType.String, null), new("url", TrigType.String.AsOptional(), null)]),
    ];
}
