namespace TriggerLang.LanguageServer.Features;

public enum CompletionKind
{
    /// <summary>Inside a plain string or comment: nothing to offer.</summary>
    None,
    /// <summary>Between clauses or items: clause and top-level keywords.</summary>
    Keyword,
    /// <summary>After <c>on</c>, <c>unless</c>, <c>goal</c>.</summary>
    Event,
    /// <summary>After <c>send</c>.</summary>
    Channel,
    /// <summary>A field name inside <c>send C { … }</c>.</summary>
    ChannelField,
    /// <summary>In an expression: fields of the event in scope, <c>user</c>, <c>event</c>, functions.</summary>
    Expression,
    /// <summary>After <c>NAME.</c>: the members of NAME.</summary>
    Member,
    /// <summary>Inside <c>{{ }}</c> of a template string: its variables.</summary>
    TemplateVariable,
}

/// <summary>
/// Where the cursor is, read from the text before it rather than from the
/// tree: while typing, the text is half a rule and the parser's recovery may
/// have dropped the very clause being written.
/// </summary>
public sealed record CompletionContext(CompletionKind Kind, string? Target = null, string? ScopeEvent = null, string? TriggerEvent = null, string? Channel = null)
{
    private static readonly HashSet<string> ExpressionStarts = ["where", "to", "and", "or", "not", "in", "(", ",", "[",
        "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"];

    public static CompletionContext Of(string text, int offset)
    {
        var start = offset;
        while (start > 0 && IsNameChar(text[start - 1]))
        {
            start--;
        }
        var before = text[..start];
        var openTemplate = before.LastIndexOf("{{", StringComparison.Ordinal);
        var inTemplate = openTemplate >= 0 && before.LastIndexOf("}}", StringComparison.Ordinal) < openTemplate && InString(before);
        if (before.EndsWith('.'))
        {
            var target = PreviousWord(before[..^1]);
            return new CompletionContext(inTemplate ? CompletionKind.TemplateVariable : CompletionKind.Member, target, ScopeEventOf(before), TriggerEventOf(before));
        }
        if (inTemplate)
        {
            return new CompletionContext(CompletionKind.TemplateVariable);
        }
        if (InString(before))
        {
            return new CompletionContext(CompletionKind.None);
        }
        var previous = PreviousToken(before);
        return previous switch
        {
            "on" or "unless" or "goal" => new CompletionContext(CompletionKind.Event),
            "send" => new CompletionContext(CompletionKind.Channel),
            _ when SendBlockChannel(before) is { } channel => new CompletionContext(CompletionKind.ChannelField, Channel: channel),
            _ when ExpressionStarts.Contains(previous) =>
                new CompletionContext(CompletionKind.Expression, ScopeEvent: ScopeEventOf(before), TriggerEvent: TriggerEventOf(before)),
            _ => new CompletionContext(CompletionKind.Keyword),
        };
    }

    /// <summary>The event whose fields bare names refer to: the one after the last <c>unless</c>/<c>goal</c>/<c>on</c> before the cursor.</summary>
    private static string? ScopeEventOf(string before)
    {
        var words = Words(before);
        for (var i = words.Count - 2; i >= 0; i--)
        {
            if (words[i] is "on" or "unless" or "goal")
            {
                return words[i + 1];
            }
            if (words[i] is "rule" or "send")
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>The rule's trigger: the event after the last <c>on</c> before the cursor.</summary>
    private static string? TriggerEventOf(string before)
    {
        var words = Words(before);
        var on = words.FindLastIndex(w => w == "on");
        return on >= 0 && on + 1 < words.Count ? words[on + 1] : null;
    }

    /// <summary>The channel of an unclosed <c>send C {</c> block whose field name is being typed (after <c>{</c> or a finished field).</summary>
    private static string? SendBlockChannel(string before)
    {
        var open = before.LastIndexOf('{');
        if (open < 0 || before.IndexOf('}', open) >= 0)
        {
            return null;
        }
        var head = Words(before[..open]);
        var tail = before[(open + 1)..].TrimEnd();
        var atFieldStart = tail.Length == 0 || tail.EndsWith('"') || tail.EndsWith(',');
        return atFieldStart && head.Count >= 2 && head[^2] == "send" ? head[^1] : null;
    }

    private static string PreviousToken(string before)
    {
        var trimmed = before.TrimEnd();
        if (trimmed.Length == 0)
        {
            return "";
        }
        if (IsNameChar(trimmed[^1]))
        {
            return PreviousWord(trimmed);
        }
        var end = trimmed.Length;
        var start = end - 1;
        while (start > 0 && "=!<>".Contains(trimmed[start - 1]) && "=!<>".Contains(trimmed[start]))
        {
            start--;
        }
        return trimmed[start..end];
    }

    private static string PreviousWord(string text)
    {
        var end = text.Length;
        var start = end;
        while (start > 0 && IsNameChar(text[start - 1]))
        {
            start--;
        }
        return text[start..end];
    }

    private static List<string> Words(string text) =>
        [.. text.Split([' ', '\t', '\r', '\n', '(', ')', '{', '}', ',', '[', ']'], StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Whether the text ends inside a string literal (an odd number of unescaped quotes on the way), ignoring comments.</summary>
    private static bool InString(string text)
    {
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                inString = !inString;
            }
        }
        return inString;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
