namespace TriggerLang.Engine.Decision;

/// <summary>A goal reached (<c>goal G within D</c>): the <paramref name="Event"/> (a G event) is attributed to the rule's send at <paramref name="SentAt"/>.</summary>
public sealed record Conversion(string Rule, string User, string Channel, DateTimeOffset SentAt, string Trigger, string Event, DateTimeOffset Time);
