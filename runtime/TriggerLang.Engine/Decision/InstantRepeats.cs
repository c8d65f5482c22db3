using System.Runtime.InteropServices;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// Counts the sends of one instant by (rule, recipient), for the repeat numbers of their <c>message_sent</c> ids
/// (<see cref="MessageSentEvents"/>). Nearly every instant has one send or a few, so they are kept in a short list and
/// compared one by one: a table hashed each recipient's id on every send and, cleared at every new instant, cleared all
/// the room a busy instant had left it. An instant with more sends (a digest hour: thousands) moves to a table, which is
/// cleared only after such an instant.
/// </summary>
internal sealed class InstantRepeats
{
    private const int FewSends = 8;

    private readonly List<(int Rule, string Recipient, int Count)> _few = [];
    private readonly Dictionary<(int Rule, string Recipient), int> _many = [];

    /// <summary>How many sends of <paramref name="rule"/> to <paramref name="recipient"/> this instant has had, this one included.</summary>
    public int Next(int rule, string recipient)
    {
        if (_many.Count > 0)
        {
            return ++CollectionsMarshal.GetValueRefOrAddDefault(_many, (rule, recipient), out _);
        }
        var few = CollectionsMarshal.AsSpan(_few);
        for (var i = 0; i < few.Length; i++)
        {
            ref var sent = ref few[i];
            if (sent.Rule == rule && sent.Recipient == recipient)
            {
                return ++sent.Count;
            }
        }
        if (few.Length < FewSends)
        {
            _few.Add((rule, recipient, 1));
            return 1;
        }
        foreach (var (sentRule, sentRecipient, count) in _few)
        {
            _many[(sentRule, sentRecipient)] = count;
        }
        _few.Clear();
        _many[(rule, recipient)] = 1;
        return 1;
    }

    /// <summary>Time moved on: no send has been counted at the new instant.</summary>
    public void Clear()
    {
        _few.Clear();
        _many.Clear();
    }
}
