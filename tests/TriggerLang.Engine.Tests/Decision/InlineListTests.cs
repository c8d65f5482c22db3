using CsCheck;
using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Tests.Decision;

/// <summary>
/// The users' lists (<see cref="InlineList{T}"/>) hold what a <see cref="List{T}"/> would after any adds, removals and
/// truncations: a user's sends, pending sends and open digests live in them, and a wrong removal would keep a cancelled
/// digest or lose an open one.
/// </summary>
public sealed class InlineListTests
{
    private enum Change { Add, RemoveAt, Truncate }

    [Fact]
    public void Holds_what_a_list_holds_after_any_changes()
    {
        Gen.Select(Gen.Enum<Change>(), Gen.Int[0, 1000]).List[0, 200].Sample(changes =>
        {
            var list = new InlineList<string>();
            var model = new List<string>();
            foreach (var (change, n) in changes)
            {
                switch (change)
                {
                    case Change.Add:
                        list.Add($"s{n}");
                        model.Add($"s{n}");
                        break;
                    case Change.RemoveAt when model.Count > 0:
                        list.RemoveAt(n % model.Count);
                        model.RemoveAt(n % model.Count);
                        break;
                    case Change.Truncate:
                        var keep = n % (model.Count + 1);
                        list.Truncate(keep);
                        model.RemoveRange(keep, model.Count - keep);
                        break;
                }
                Assert.Equal(model, list.Items.ToArray());
                Assert.Equal(model.Count, list.Count);
            }
        });
    }
}
