using System.Text;

namespace TriggerLang.Bench.Generation;

/// <summary>
/// Writes a <c>send</c> clause with 0–2 <c>else send</c> fallbacks over the
/// built-in channels (LANGUAGE.md §6), as lone strings or field blocks, with
/// Liquid templates inline or from <c>templates/EVENT.liquid</c>.
/// </summary>
internal sealed class SendWriter(Random random)
{
    private static readonly string[] Primary = ["email", "email", "email", "email", "push", "push", "push", "in_app", "in_app", "sms", "webhook"];
    private static readonly string[] Fallbacks = ["push", "in_app", "email", "sms"];

    private readonly TemplateText _templates = new(random);

    public string Inline(EventModel trigger) => _templates.Inline(trigger, null, false, brief: true);

    /// <summary>The clause text, starting at <c>send</c>; continuation lines are indented by <paramref name="indent"/>.</summary>
    public string Write(EventModel trigger, string? alias, bool digest, string indent)
    {
        var channels = new List<string> { random.Pick(Primary) };
        var fallbacks = random.Chance(0.6) ? (random.Chance(0.2) ? 2 : 1) : 0;
        while (channels.Count < 1 + fallbacks)
        {
            var next = random.Pick(Fallbacks);
            if (!channels.Contains(next))
            {
                channels.Add(next);
            }
        }
        var text = new StringBuilder();
        for (var i = 0; i < channels.Count; i++)
        {
            if (i > 0)
            {
                text.Append(text[^1] == '}' ? " else " : $"\n{indent}else ");
            }
            text.Append(Channel(channels[i], trigger, alias, digest, indent));
        }
        return text.ToString();
    }

    private string Channel(string channel, EventModel trigger, string? alias, bool digest, string indent)
    {
        string Text(bool brief) => _templates.Inline(trigger, alias, digest, brief);
        var inner = indent + "  ";
        var separator = random.Chance(0.15) ? "," : "";
        switch (channel)
        {
            case "email" when random.Chance(0.05):
                return $"send email \"{Text(false)}\"";
            case "email":
                var body = random.Chance(0.15)
                    ? $"template \"templates/{trigger.Name}{(digest ? "_digest" : "")}.liquid\""
                    : $"\"{Text(false)}\"";
                return $"send email {{\n{inner}subject: \"{Text(true)}\"{separator}\n{inner}body: {body}\n{indent}}}";
            case "push" when random.Chance(0.2):
                return $"send push \"{Text(true)}\"";
            case "push" or "in_app":
                var url = random.Chance(0.75) ? $"\n{inner}url: \"{_templates.Url(trigger, alias)}\"" : "";
                return $"send {channel} {{\n{inner}title: \"{Text(true)}\"{separator}\n{inner}body: \"{Text(false)}\"{separator}{url}\n{indent}}}";
            case "sms":
                return random.Chance(0.8) ? $"send sms \"{Text(true)}\"" : $"send sms {{ body: \"{Text(true)}\" }}";
            default:
                return $"send webhook \"{_templates.Json(trigger)}\"";
        }
    }
}
