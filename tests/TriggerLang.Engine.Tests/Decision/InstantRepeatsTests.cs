using CsCheck;
using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Tests.Decision;

/// <summary>
/// The repeat numbers of <c>message_sent</c> ids (<c>:2</c>, <c>:3</c>… for a rule's repeated sends to one recipient at
/// one instant) come from <see cref="InstantRepeats"/>: it must count as a table of (rule, recipient) would, through
/// quiet instants, busy ones that outgrow its short list, and ids that are equal texts but not the same string.
/// </summary>
public sealed class InstantRepeatsTests
{
    [Fact]
    public void Counts_what_a_table_counts_at_every_instant()
    {
        // A send (rule, recipient), or with rule -1 a new instant.
        Gen.Select(Gen.Int[-1, 3], Gen.Int[0, 30]).List[0, 300].Sample(steps =>
        {
            var repeats = new InstantRepeats();
            var model = new Dictionary<(int, string), int>();
            foreach (var (rule, user) in steps)
            {
                if (rule < 0)
                {
                    repeats.Clear();
                    model.Clear();
                    continue;
                }
                // A new string each time: recipients are compared by their text.
                var recipient = new string($"u{user}".AsSpan());
                var expected = model[(rule, recipient)] = model.GetValueOrDefault((rule, recipient)) + 1;
                Assert.Equal(expected, repeats.Next(rule, recipient));
            }
        });
    }
}
