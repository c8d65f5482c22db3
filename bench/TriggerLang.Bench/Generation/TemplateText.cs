namespace TriggerLang.Bench.Generation;

/// <summary>
/// Liquid text for send fields and template files, using only variable paths
/// that exist in the rule's scope (LANGUAGE.md §5): <c>user.*</c>, <c>event.*</c>
/// (and the trigger's alias), <c>rule.*</c>, and in digests <c>events</c> and <c>count</c>.
/// </summary>
internal sealed class TemplateText(Random random)
{
    /// <summary>A short inline template, as the source text of a string literal (escaped, without its quotes).</summary>
    public string Inline(EventModel trigger, string? alias, bool isDigest, bool brief)
    {
        var root = alias is not null && random.Chance(0.5) ? alias : "event";
        var field = random.Pick(trigger.Fields).Name;
        var greeting = random.Chance(0.5)
            ? "{{ user.first_name | default: 'there' }}"
            : "{{ user.first_name | default: \\\"friend\\\" }}";
        if (isDigest)
        {
            return random.Pick(
            [
                $"{greeting}, {{{{ count }}}} new update{{% if count != 1 %}}s{{% endif %}} for you",
                $"{{{{ count }}}} x {{{{ {root}.{field} }}}} and more",
                "Your {{ rule.title }} digest: {{ count }} item(s)",
            ]);
        }
        var options = brief
            ? new[]
            {
                $"{greeting}, news about your {{{{ {root}.{field} }}}}",
                $"Still thinking about {{{{ {root}.{field} }}}}?",
                $"{{{{ {root}.{field} | upcase }}}} is waiting",
                "Something new for you, {{ user.first_name | default: 'there' }}",
            }
            : new[]
            {
                $"Hi {greeting},\\nwe saved {{{{ {root}.{field} }}}} for you.\\n{{% if user.tier == 'gold' %}}Gold members get free shipping.{{% endif %}}",
                $"{greeting}, about {{{{ {root}.{field} }}}}: {{% if user.vip %}}as a VIP you get early access.{{% else %}}take a look.{{% endif %}}",
                $"Hello {greeting}! {{{{ {root}.{field} }}}} ({{{{ rule.name }}}})\\tsee https://app.example.com/r/{{{{ user.id }}}}",
                $"{{% assign n = {root}.{field} %}}Your {{{{ n }}}} is ready, {{{{ user.first_name | default: 'there' | capitalize }}}}.",
            };
        return random.Pick(options);
    }

    public string Url(EventModel trigger, string? alias)
    {
        var root = alias ?? "event";
        var field = trigger.Fields.FirstOrDefault(f => f.Base == "string")?.Name ?? trigger.Fields[0].Name;
        return $"https://app.example.com/{trigger.Name.Replace('_', '/')}/{{{{ {root}.{field} }}}}?u={{{{ user.id }}}}";
    }

    /// <summary>A JSON body for a webhook, with its quotes escaped.</summary>
    public string Json(EventModel trigger) =>
        $"{{\\\"event\\\": \\\"{trigger.Name}\\\", \\\"user\\\": \\\"{{{{ user.id }}}}\\\", \\\"{trigger.Fields[0].Name}\\\": \\\"{{{{ event.{trigger.Fields[0].Name} }}}}\\\"}}";

    /// <summary>The text of a template file for one event (<c>templates/EVENT.liquid</c>).</summary>
    public static string File(EventModel e)
    {
        var lines = new List<string>
        {
            "Hi {{ user.first_name | default: \"there\" }},",
            "",
            $"Here is what happened ({e.Name.Replace('_', ' ')}):",
        };
        lines.AddRange(e.Fields.Select(f => $"- {f.Name.Replace('_', ' ')}: {{{{ event.{f.Name} }}}}"));
        lines.Add("");
        lines.Add("{% if user.tier == \"gold\" %}As a gold member, you get priority support.{% endif %}");
        lines.Add("Manage your preferences: https://app.example.com/account/preferences");
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The text of a digest template file for one event (<c>templates/EVENT_digest.liquid</c>).</summary>
    public static string DigestFile(EventModel e)
    {
        var field = e.Fields[0].Name;
        return "Hi {{ user.first_name | default: \"there\" }},\n\n"
            + $"{{% for e in events %}}- {{{{ e.{field} }}}}\n{{% endfor %}}"
            + "{% if count > 10 %}...and {{ count }} in all.\n{% endif %}";
    }
}
