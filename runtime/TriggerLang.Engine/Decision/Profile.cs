using System.Collections.ObjectModel;
using TriggerLang.Engine.Records;
using TriggerLang.Engine.Time;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// A recipient as the engine knows them: the typed profile the rules read, and
/// their preferences. Channels and categories are subscribed unless set to false (§8).
/// </summary>
public sealed class Profile(UserRecord user)
{
    // Null until a preference is set. Most recipients set none, and every send asks: an empty table per recipient was
    // two objects more to read (out of the cache) per decision, and two more to keep per user.
    private Dictionary<string, bool>? _subscriptions;
    private Dictionary<string, bool>? _categories;
    private static readonly IReadOnlyDictionary<string, bool> NoPreferences = ReadOnlyDictionary<string, bool>.Empty;

    public UserRecord User { get; } = user;

    /// <summary>
    /// The entry of the <see cref="MemoryState"/> that made this profile, which holds the rest of what is kept of the user:
    /// an engine that has the profile (a fan-out's follower) reaches it without a lookup by id.
    /// </summary>
    internal UserState? Entry;

    /// <summary>The zone last resolved for <see cref="UserRecord.Timezone"/>, by which resolver (<see cref="ZoneResolver.ForProfile"/>).</summary>
    internal (ZoneResolver Resolver, string? Timezone, RecipientZone Zone)? ResolvedZone;

    /// <summary>The channel preferences set (true or false); a channel not here is subscribed.</summary>
    public IReadOnlyDictionary<string, bool> Subscriptions => _subscriptions ?? NoPreferences;

    /// <summary>The category preferences set; a category not here is subscribed.</summary>
    public IReadOnlyDictionary<string, bool> Categories => _categories ?? NoPreferences;

    public bool IsSubscribedTo(string channel) => _subscriptions?.GetValueOrDefault(channel, true) ?? true;

    public bool IsInCategory(string category) => _categories?.GetValueOrDefault(category, true) ?? true;

    /// <summary>Merges a profile update key by key; a JSON null removes an attribute, a null preference goes back to the default.</summary>
    public void Apply(UserInput update)
    {
        foreach (var (name, value) in update.Attributes)
        {
            User.SetAttribute(name, value);
        }
        Merge(ref _subscriptions, update.Subscriptions);
        Merge(ref _categories, update.Categories);
    }

    private static void Merge(ref Dictionary<string, bool>? preferences, IEnumerable<KeyValuePair<string, bool?>> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is { } set)
            {
                (preferences ??= new(StringComparer.Ordinal))[key] = set;
            }
            else
            {
                preferences?.Remove(key);
            }
        }
    }
}
