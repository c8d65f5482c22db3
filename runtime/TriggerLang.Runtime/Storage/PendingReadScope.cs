using System.Text.Json;
using NodaTime;
using TriggerLang.Evaluation;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// What the pending sends of one batch of rows share as they are read (one thread): their explanations' bytes, side
/// by side in chunks, their zones, and their trigger events. The sends of a fan-out (one event, a send to each
/// follower) shared one event before a restart, and were created one after the other: those due together are read
/// one after the other (rows by due time, then id), and share one event again instead of a copy parsed and kept per
/// follower.
/// </summary>
internal sealed class PendingReadScope
{
    // The trigger of the send read last, and its order: the input's number, one per event decided (a digest's trigger
    // is its batch's first event).
    private long _order = -1;
    private EventRecord? _trigger;

    // The zone of the send read last: most sends share a few zones.
    private string _zoneId = "";
    private DateTimeZone _zone = DateTimeZone.Utc;

    public ByteChunks Explanations { get; } = new();

    /// <summary>The zone with the id of this JSON string (an unknown id is UTC), compared in place: no string nor lookup per send.</summary>
    public DateTimeZone Zone(JsonElement id)
    {
        if (!id.ValueEquals(_zoneId))
        {
            _zoneId = id.GetString()!;
            _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(_zoneId) ?? DateTimeZone.Utc;
        }
        return _zone;
    }

    /// <summary>The trigger of the send read last when it was the same input, checked against the payload's <c>trigger_id</c>.</summary>
    public bool TryTrigger(long order, JsonElement triggerId, out EventRecord trigger)
    {
        trigger = _trigger!;
        return order == _order && _trigger is not null && triggerId.ValueEquals(_trigger.Id);
    }

    public EventRecord Share(long order, EventRecord trigger)
    {
        _order = order;
        return _trigger = trigger;
    }
}
