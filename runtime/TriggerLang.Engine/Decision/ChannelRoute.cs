using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// Which channel of the rule's send chain (the first, then each <c>else send</c>)
/// can reach the recipient at send time (§7 step 6, §8): the rule's category
/// must not be opted out, the channel must not be opted out, and a channel that
/// needs an address needs it in the profile. Unreachable: <c>unsubscribed</c>
/// if the category or any channel tried was opted out, else <c>no_address</c>.
/// <see cref="Why"/> says why a fallback was taken or nothing could be; it is written only when asked
/// (<c>explain</c>): in a large simulation, one send in ten or so reaches nobody.
/// </summary>
internal readonly record struct ChannelRoute(int Index, string Channel, OutcomeReason? Reason, string? Why)
{
    public static ChannelRoute Choose(BoundRule rule, Profile profile, UserSchema schema, bool explain)
    {
        var first = rule.Sends[0].Channel.Name;
        if (rule.Category is { } category && !profile.IsInCategory(category))
        {
            return new ChannelRoute(0, first, OutcomeReason.Unsubscribed, explain ? $"{profile.User.Id} opted out of category {category}" : null);
        }
        List<string>? tried = null;
        var optedOut = false;
        for (var i = 0; i < rule.Sends.Length; i++)
        {
            var channel = rule.Sends[i].Channel;
            if (!profile.IsSubscribedTo(channel.Name))
            {
                optedOut = true;
                if (explain)
                {
                    (tried ??= []).Add($"opted out of {channel.Name}");
                }
                continue;
            }
            if (channel.AddressAttribute is { } attribute && !HasAddress(profile, attribute, schema))
            {
                if (explain)
                {
                    (tried ??= []).Add($"no {attribute} for {channel.Name}");
                }
                continue;
            }
            // Only a fallback needs explaining: the first channel is the obvious choice.
            return new ChannelRoute(i, channel.Name, null, tried is null ? null : $"channel {channel.Name} (fallback: {string.Join(", ", tried)})");
        }
        return new ChannelRoute(0, first, optedOut ? OutcomeReason.Unsubscribed : OutcomeReason.NoAddress,
            explain ? $"{profile.User.Id} cannot be reached: {string.Join(", ", tried!)}" : null);
    }

    private static bool HasAddress(Profile profile, string attribute, UserSchema schema)
    {
        for (var i = 0; i < schema.Attributes.Count; i++)
        {
            if (schema.Attributes[i].Name == attribute)
            {
                return profile.User.GetAttribute(i) is string { Length: > 0 };
            }
        }
        return false;
    }
}
