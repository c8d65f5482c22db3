using System.Collections.Immutable;
using System.Globalization;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Binding;

/// <summary>Checks <c>test</c> blocks against the schema and the rules, and turns them into <see cref="BoundTest"/>s.</summary>
internal sealed class TestBinder(Schema schema, ChannelCatalog channels, IReadOnlyDictionary<string, BoundRule> rules, List<Diagnostic> diagnostics)
{
    private static readonly string[] Statuses = ["sent", "suppressed", "failed"];
    private static readonly string[] SuppressedReasons =
        ["inactive", "exception", "unsubscribed", "no_address", "not_reeligible", "capped", "outside_window"];
    private static readonly string[] FailedReasons = ["render_failed", "delivery_failed"];

    public BoundTest Bind(SourceFile file, TestDeclarationSyntax test)
    {
        var steps = ImmutableArray.CreateBuilder<TestStep>();
        DateTimeOffset? now = null;
        foreach (var statement in test.Statements)
        {
            var at = statement.At?.Value?.ToUniversalTime();
            // An expectation's time is when the outcome is due, not an input time:
            // it may lie after the inputs that follow it (a purchase that cancels the send).
            if (at is { } time && statement is not TestExpectSyntax)
            {
                if (now is { } previous && time < previous)
                {
                    Report(file, statement.At!.Span, b => b.TestTimeGoesBack());
                }
                else
                {
                    now = time;
                }
            }
            var step = Bind(file, statement, at ?? now, now is null && statement.At is null);
            if (step is not null)
            {
                steps.Add(step);
            }
        }
        return new BoundTest(test.Name.Value, new Location(file, test.Name.Span), steps.ToImmutable());
    }

    private TestStep? Bind(SourceFile file, TestStatementSyntax statement, DateTimeOffset? time, bool noTimeYet)
    {
        switch (statement)
        {
            case TestUserSyntax user:
                return BindUser(file, user);
            case TestEventSyntax e:
                if (noTimeYet)
                {
                    Report(file, e.Span, b => b.TestMissingTime());
                }
                if (e.Event.IsMissing || e.UserId.IsMissing)
                {
                    return null;
                }
                if (schema.Event(e.Event.Name) is not { } symbol)
                {
                    Report(file, e.Event.Span, b => b.UnknownEvent(e.Event.Name, Suggestions.Closest(e.Event.Name, schema.Events.Keys)));
                    return null;
                }
                return new EventStep(time, e, symbol, e.UserId.Name, BindEventProperties(file, symbol, e));
            case TestFollowSyntax f:
                if (noTimeYet)
                {
                    // A follow before any time applies from the start, like a follow record without a time.
                    return new FollowStep(null, f, f.Follower.Name, f.Followee.Name);
                }
                return new FollowStep(time, f, f.Follower.Name, f.Followee.Name);
            case TestExpectSyntax x:
                return BindExpect(file, x);
            default:
                return null;
        }
    }

    private UserStep BindUser(SourceFile file, TestUserSyntax user)
    {
        var attributes = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var subscriptions = ImmutableDictionary.CreateBuilder<string, bool>(StringComparer.Ordinal);
        var categories = ImmutableDictionary.CreateBuilder<string, bool>(StringComparer.Ordinal);
        foreach (var property in Distinct(file, user.Properties))
        {
            var name = property.Name.Name;
            if (name is "subscriptions" or "categories")
            {
                BindFlags(file, property, name == "subscriptions" ? subscriptions : categories, name == "subscriptions");
                continue;
            }
            if (schema.User.Attribute(name) is not { } attribute)
            {
                Report(file, property.Name.Span, b => b.UnknownField("the user profile", name,
                    Suggestions.Closest(name, schema.User.Attributes.Select(a => a.Name).Append("subscriptions").Append("categories"))));
                continue;
            }
            if (Value(file, property, attribute.Type) is var (ok, value) && ok)
            {
                attributes[name] = value;
            }
        }
        return new UserStep(user.At?.Value?.ToUniversalTime(), user, user.Id.Name, attributes.ToImmutable(), subscriptions.ToImmutable(),
            categories.ToImmutable());
    }

    private void BindFlags(SourceFile file, PropertySyntax property, ImmutableDictionary<string, bool>.Builder flags, bool areChannels)
    {
        if (property.Nested is null)
        {
            Report(file, property.Span, b => b.TestValueMismatch(
                $"`{property.Name.Name}` takes an object of true/false flags, such as {{ {(areChannels ? "push" : "marketing")}: false }}"));
            return;
        }
        foreach (var flag in Distinct(file, property.Nested))
        {
            if (areChannels && channels.Find(flag.Name.Name) is null)
            {
                Report(file, flag.Name.Span, b => b.UnknownChannel(flag.Name.Name, Suggestions.Closest(flag.Name.Name, channels.Names), channels.Names, channels.Source));
                continue;
            }
            if (Value(file, flag, TrigType.Bool) is (true, bool on))
            {
                flags[flag.Name.Name] = on;
            }
        }
    }

    private ImmutableDictionary<string, object?> BindEventProperties(SourceFile file, EventSymbol symbol, TestEventSyntax e)
    {
        var values = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Distinct(file, e.Properties))
        {
            var name = property.Name.Name;
            given.Add(name);
            if (symbol.Field(name) is not { } field)
            {
                Report(file, property.Name.Span, b => b.UnknownField($"event `{symbol.Name}`", name,
                    Suggestions.Closest(name, symbol.Fields.Select(f => f.Name))));
                continue;
            }
            if (Value(file, property, field.Type) is var (ok, value) && ok)
            {
                values[name] = value;
            }
        }
        // A field given with a bad value is reported there, not as missing too.
        var missing = symbol.Fields.Where(f => !f.Type.IsOptional && !given.Contains(f.Name)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            Report(file, e.Event.Span, b => b.TestMissingField(symbol.Name, missing));
        }
        return values.ToImmutable();
    }

    /// <summary>The properties of an object literal, each name once; a repeated name is reported and skipped.</summary>
    private IEnumerable<PropertySyntax> Distinct(SourceFile file, ObjectLiteralSyntax? properties)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in properties?.Properties ?? [])
        {
            if (property.Name.IsMissing)
            {
                continue;
            }
            if (!seen.Add(property.Name.Name))
            {
                Report(file, property.Name.Span, b => b.TestDuplicateProperty(property.Name.Name));
                continue;
            }
            yield return property;
        }
    }

    /// <summary>A property's constant value, checked against the expected type. Timestamps are written as ISO-8601 strings.</summary>
    private (bool Ok, object? Value) Value(SourceFile file, PropertySyntax property, TrigType expected)
    {
        if (property.Value is null)
        {
            Report(file, property.Span, b => b.TestValueMismatch($"`{property.Name.Name}` takes {Expected(expected)}, not an object"));
            return (false, null);
        }
        if (property.Value is MissingExpressionSyntax)
        {
            return (false, null);
        }
        if (ConstantEvaluator.Evaluate(property.Value) is not var (value, type))
        {
            Report(file, property.Value.Span, b => b.TestValueMismatch("test values must be literals, such as 150, \"text\", true or [1, 2]"));
            return (false, null);
        }
        if (expected.Kind == TypeKind.Timestamp && value is string text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return (true, time.ToUniversalTime());
            }
            Report(file, property.Value.Span, b => b.TestValueMismatch($"`{property.Name.Name}` is a timestamp: write it as \"2026-12-01T10:00:00Z\""));
            return (false, null);
        }
        if (!TypeRules.IsAssignable(type, expected))
        {
            Report(file, property.Value.Span, b => b.TestValueMismatch(
                $"`{property.Name.Name}` takes {Expected(expected)}, but this value is {ExpressionBinder.Describe(type)}"));
            return (false, null);
        }
        return (true, value);
    }

    private static string Expected(TrigType type) =>
        ExpressionBinder.Describe(type.AsRequired()) + (type.IsOptional ? " or null" : "")
        + (type.Kind == TypeKind.User ? " (the user's id as a string)" : "");

    private ExpectStep? BindExpect(SourceFile file, TestExpectSyntax x)
    {
        if (x.Rule.IsMissing || x.UserId.IsMissing)
        {
            return null;
        }
        var rule = rules.GetValueOrDefault(x.Rule.Name);
        if (rule is null)
        {
            Report(file, x.Rule.Span, b => b.TestUnknownRule(x.Rule.Name, Suggestions.Closest(x.Rule.Name, rules.Keys)));
        }
        if (x.Status is { IsMissing: false } status)
        {
            if (!Statuses.Contains(status.Name))
            {
                Report(file, status.Span, b => b.TestInvalidStatus(status.Name, "an outcome status (sent, suppressed or failed)",
                    Suggestions.Closest(status.Name, Statuses)));
            }
            else
            {
                CheckReason(file, status.Name, x.Reason, status.Span);
            }
        }
        ChannelDefinition? via = null;
        if (x.Channel is { IsMissing: false } channel)
        {
            via = channels.Find(channel.Name);
            if (via is null)
            {
                Report(file, channel.Span, b => b.UnknownChannel(channel.Name, Suggestions.Closest(channel.Name, channels.Names), channels.Names, channels.Source));
            }
            else if (rule is not null && SendsCompletelyBound(rule) && rule.Sends.All(s => s.Channel.Name != via.Name))
            {
                Report(file, channel.Span, b => b.TestChannelNotUsed(rule.Name, via.Name, rule.Sends.Select(s => s.Channel.Name)));
            }
        }
        var fields = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        // `with` fields belong to the `via` channel, else to one of the rule's channels.
        List<ChannelDefinition> fieldChannels = via is not null ? [via]
            : rule is not null && SendsCompletelyBound(rule) ? [.. rule.Sends.Select(s => s.Channel)]
            : [];
        foreach (var field in Distinct(file, x.Fields))
        {
            if (fieldChannels.Count > 0 && fieldChannels.All(c => c.Field(field.Name.Name) is null))
            {
                var known = fieldChannels.SelectMany(c => c.Fields).Select(f => f.Name).Distinct().ToList();
                Report(file, field.Name.Span, b => b.UnknownChannelField(fieldChannels[0], field.Name.Name,
                    Suggestions.Closest(field.Name.Name, known), fieldChannels[0].Fields.Select(f => f.Name)));
                continue;
            }
            if (Value(file, field, TrigType.String) is (true, string text))
            {
                fields[field.Name.Name] = text;
            }
        }
        return new ExpectStep(x.At?.Value?.ToUniversalTime(), x, x.IsNone, x.Rule.Name, x.Status?.Name, x.Reason?.Name, x.UserId.Name,
            x.Channel?.Name, fields.ToImmutable());
    }

    /// <summary>Whether every channel of the rule's send chain resolved (else its channel list is partial, and checks against it would mislead).</summary>
    private static bool SendsCompletelyBound(BoundRule rule) => rule.Syntax.Send is { } send && rule.Sends.Length == send.Chain().Count();

    private void CheckReason(SourceFile file, string status, IdentifierSyntax? reason, TextSpan statusSpan)
    {
        var allowed = status switch
        {
            "suppressed" => SuppressedReasons,
            "failed" => FailedReasons,
            _ => [],
        };
        if (reason is null || reason.IsMissing)
        {
            if (allowed.Length > 0)
            {
                Report(file, statusSpan, b => b.TestInvalidStatus(status, $"complete without its reason: write `{status} REASON` ({string.Join(", ", allowed)})", null));
            }
            return;
        }
        if (!allowed.Contains(reason.Name))
        {
            var expected = allowed.Length == 0 ? "a reason: a sent outcome has none, so remove it" : $"a reason for {status} ({string.Join(", ", allowed)})";
            Report(file, reason.Span, b => b.TestInvalidStatus(reason.Name, expected, Suggestions.Closest(reason.Name, allowed)));
        }
    }

    private void Report(SourceFile file, TextSpan span, Func<DiagnosticBuilder, Diagnostic> build) =>
        diagnostics.Add(build(DiagnosticBuilder.At(file, span)));
}
