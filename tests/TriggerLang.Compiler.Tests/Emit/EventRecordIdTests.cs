using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>
/// <c>EventRecord.DeferId</c>: the engine names the <c>message_sent</c> events it makes when their id is first read.
/// The id must be the maker's, made once, and a set id must win.
/// </summary>
public class EventRecordIdTests
{
    [Fact]
    public void A_deferred_id_is_made_when_first_read_and_only_once()
    {
        var calls = 0;
        var e = new Ping { UserId = "u1" };
        e.DeferId(record => $"ping:{record.UserId}:{++calls}");
        Assert.Equal(0, calls);

        Assert.Equal("ping:u1:1", e.Id);
        Assert.Equal("ping:u1:1", e.Id);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_set_id_replaces_a_deferred_one_without_making_it()
    {
        var e = new Ping();
        e.DeferId(_ => throw new InvalidOperationException("the maker must not run"));
        e.Id = "e7";
        Assert.Equal("e7", e.Id);
    }

    private sealed class Ping : EventRecord
    {
        public override string Name => "ping";

        public override void ReadProperties(System.Text.Json.JsonElement properties)
        {
        }

        public override object? GetField(int index) => null;
    }
}
