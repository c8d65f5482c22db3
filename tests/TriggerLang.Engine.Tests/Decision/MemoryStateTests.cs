using CsCheck;
using NodaTime;
using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Tests.Decision;

/// <summary>
/// The memory state's pending sends: they come due in §11 order (time, trigger, rule, recipient, creation), a send
/// removed before its turn never comes due, and the sends an event may cancel and open digests stay findable by recipient. Followers
/// are listed in id order, each once. Last sends are kept only for the rules that read them.
/// </summary>
public sealed class MemoryStateTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.Parse("2026-12-01T10:00Z");

    [Fact]
    public void Followers_are_listed_by_id_and_once_with_their_profiles_however_the_follows_came()
    {
        var ids = Gen.Int[0, 40].Select(n => $"u{n}");
        using var project = Project();
        Gen.Select(ids.List[0, 60], ids.List[0, 20]).Sample((first, second) =>
        {
            var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
            foreach (var follower in first)
            {
                state.AddFollow(follower, "star");
            }
            // Read between follows, as a fan-out would, then followed again (repeats included).
            var before = state.Followers("star").Select(p => p.User.Id).ToArray();
            foreach (var follower in second)
            {
                state.AddFollow(follower, "star");
            }

            Assert.Equal(first.Distinct().Order(StringComparer.Ordinal), before);
            var after = state.Followers("star");
            Assert.Equal(first.Concat(second).Distinct().Order(StringComparer.Ordinal), after.Select(p => p.User.Id));
            // The profiles themselves, which user records update in place, not copies.
            Assert.All(after, p => Assert.Same(state.Profile(p.User.Id), p));
            Assert.Empty(state.Followers("nobody"));
        });
    }

    [Fact]
    public void Pending_sends_come_due_by_time_then_trigger_then_rule_then_recipient_then_creation()
    {
        using var project = Project();
        var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
        var trigger = Ping(project);
        PendingSend Send(long id, int rule, string recipient, long order, int minutes) =>
            new(id, rule, recipient, trigger, order, Time.AddMinutes(minutes), DateTimeZone.Utc);
        // Added in an order that matches none of the keys.
        var sends = new[]
        {
            Send(7, 0, "u1", order: 1, minutes: 5),
            Send(6, 1, "u1", order: 1, minutes: 0),
            Send(5, 0, "u2", order: 1, minutes: 0),
            Send(4, 0, "u1", order: 2, minutes: 0),
            Send(3, 0, "u1", order: 1, minutes: 0),
            Send(8, 0, "u1", order: 1, minutes: 0),
        };
        foreach (var send in sends)
        {
            state.AddPending(send);
        }

        Assert.Equal([3, 8, 5, 6, 4, 7], Drain(state));
    }

    [Fact]
    public void A_send_removed_before_its_turn_never_comes_due_and_one_added_again_comes_due_once()
    {
        using var project = Project();
        var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
        var trigger = Ping(project);
        var sends = Enumerable.Range(1, 4).Select(i => new PendingSend(i, 0, "u1", trigger, i, Time.AddMinutes(i), DateTimeZone.Utc)).ToList();
        sends.ForEach(state.AddPending);

        state.RemovePending(sends[2]);
        state.RemovePending(sends[1]);
        state.AddPending(sends[1]);

        Assert.Equal(3, state.PendingCount);
        Assert.Equal([1, 2, 4], state.PendingFor("u1").ToArray().Select(s => s.Id).Order());
        Assert.Equal([1, 2, 4], Drain(state));
        Assert.Null(state.NextDue);
        Assert.Equal(0, state.PendingCount);
    }

    [Fact]
    public void Removing_a_pending_send_leaves_the_users_others_and_their_digests()
    {
        using var project = Project();
        var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
        var trigger = Ping(project);
        var plain = new PendingSend(1, 0, "u1", trigger, 1, Time, DateTimeZone.Utc);
        var digest = new PendingSend(2, 1, "u1", trigger, 1, Time.AddHours(9), DateTimeZone.Utc) { Digest = new DigestBatch(Time.AddHours(9), null) };
        var other = new PendingSend(3, 0, "u1", trigger, 2, Time.AddHours(1), DateTimeZone.Utc);
        state.AddPending(plain);
        state.AddPending(digest);
        state.AddPending(other);

        state.RemovePending(plain);

        // The digest is found as one (rule b has no plain unless, so it is not listed by recipient).
        Assert.Equal([3], state.PendingFor("u1").ToArray().Select(s => s.Id));
        Assert.Same(digest, state.DigestFor(1, state.Profile("u1"), Time.AddHours(9)));
        Assert.Null(state.DigestFor(1, state.Profile("u1"), Time.AddHours(10)));
        Assert.Null(state.DigestFor(0, state.Profile("u1"), Time.AddHours(9)));

        state.RemovePending(digest);

        Assert.Null(state.DigestFor(1, state.Profile("u1"), Time.AddHours(9)));
        Assert.Equal([3], state.PendingFor("u1").ToArray().Select(s => s.Id));
        state.RemovePending(other);
        Assert.Empty(state.PendingFor("u1").ToArray());
    }

    [Fact]
    public void Only_sends_that_an_event_may_cancel_are_listed_by_recipient_and_the_others_still_come_due()
    {
        using var project = Project();
        var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
        var trigger = Ping(project);
        var cancellable = new PendingSend(1, 0, "u1", trigger, 1, Time.AddMinutes(2), DateTimeZone.Utc);
        var unlisted = new PendingSend(2, 2, "u1", trigger, 1, Time.AddMinutes(1), DateTimeZone.Utc);
        var later = new PendingSend(3, 2, "u1", trigger, 1, Time.AddMinutes(3), DateTimeZone.Utc);
        state.AddPending(cancellable);
        state.AddPending(unlisted);
        state.AddPending(later);

        Assert.Equal([1], state.PendingFor("u1").ToArray().Select(s => s.Id));

        state.RemovePending(later);

        Assert.Equal([1], state.PendingFor("u1").ToArray().Select(s => s.Id));
        Assert.Equal([2, 1], Drain(state));
        Assert.Empty(state.PendingFor("u1").ToArray());
    }

    [Fact]
    public void Only_rules_with_once_or_reeligible_after_keep_their_last_send()
    {
        using var project = RuleProjects.FromText("""
            event ping { }
            rule plain on ping send email "p"
            rule first on ping once send email "f"
            rule again on ping reeligible after 1d send email "a"
            """);
        var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
        var trigger = Ping(project);
        for (var rule = 0; rule < 3; rule++)
        {
            state.RecordSend("u1", SentMessage.Of(project.Rules, rule, "email", Time, isTransactional: false, trigger), trigger);
        }

        Assert.Null(state.LastSend(0, "u1"));
        Assert.Equal(Time, state.LastSend(1, "u1"));
        Assert.Equal(Time, state.LastSend(2, "u1"));
        Assert.Equal(3, state.Sends("u1").Length);
    }

    [Fact]
    public void A_user_put_at_hand_by_number_is_always_the_user_of_that_id_even_when_numbers_are_reused()
    {
        // The reader numbers ids, but a state may see numbers from another numbering: a number found with another id
        // must cost a lookup, never the other user's entry. Each user is told apart by how many sends it has.
        using var project = Project();
        var trigger = Ping(project);
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 7]).List[1, 80].Sample(steps =>
        {
            var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
            for (var user = 0; user < 6; user++)
            {
                for (var send = 0; send <= user; send++)
                {
                    state.RecordSend($"u{user}", SentMessage.Of(project.Rules, 2, "email", Time, isTransactional: false, trigger), trigger);
                }
            }
            foreach (var (user, number) in steps)
            {
                // A string of its own each time, as each event line reads its id (the state compares ids by reference first).
                var id = string.Concat("u", user.ToString());
                state.Focus(number, id);

                Assert.Equal(user + 1, state.Sends(id).Length);
            }
        });
    }

    private enum Step { Add, Remove, AddAgain, Fire }

    [Fact]
    public void Sends_come_due_in_order_whatever_is_added_removed_and_fired_between()
    {
        // The queue keeps later sends in hourly buckets apart from its heap: adds before, at and after the hour it has
        // reached, removals of sends in either, and sends added again after removal, against a plain sorted set.
        var steps = Gen.Select(Gen.Enum<Step>(), Gen.Int[-90, 3 * 24 * 60], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 1000]).List[1, 300];
        using var project = Project();
        var trigger = Ping(project);
        steps.Sample(script =>
        {
            var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
            var expected = new SortedSet<PendingSend>(PendingSend.Order);
            var removed = new List<PendingSend>();
            var clock = Time;
            var id = 0L;
            foreach (var (step, minutes, rule, user, pick) in script)
            {
                switch (step)
                {
                    case Step.Add:
                        // Due no earlier than the clock, as the engine schedules; often at the same instant as another.
                        var send = new PendingSend(++id, rule, $"u{user}", trigger, pick % 7, clock.AddMinutes(Math.Max(0, minutes)), DateTimeZone.Utc);
                        state.AddPending(send);
                        expected.Add(send);
                        break;
                    case Step.Remove when expected.Count > 0:
                        var gone = expected.ElementAt(pick % expected.Count);
                        state.RemovePending(gone);
                        expected.Remove(gone);
                        removed.Add(gone);
                        break;
                    case Step.AddAgain when removed.Count > 0:
                        var again = removed[pick % removed.Count];
                        removed.Remove(again);
                        state.AddPending(again);
                        expected.Add(again);
                        break;
                    case Step.Fire when expected.Count > 0:
                        var next = state.NextDue;
                        Assert.Same(expected.Min, next);
                        state.RemovePending(next!);
                        expected.Remove(next!);
                        clock = next!.Due;
                        break;
                }
                Assert.Equal(expected.Count, state.PendingCount);
                foreach (var recipient in new[] { "u0", "u1", "u2", "u3" })
                {
                    Assert.Equal(expected.Where(s => s.Recipient == recipient && s.Rule == 0).Select(s => s.Id).Order(),
                        state.PendingFor(recipient).ToArray().Select(s => s.Id).Order());
                }
            }
            Assert.Equal(expected.Select(s => s.Id), Drain(state));
        }, iter: 300);
    }

    /// <summary>Fires everything in due order, as a host's clock does, and gives the ids.</summary>
    private static List<long> Drain(MemoryState state)
    {
        var ids = new List<long>();
        while (state.NextDue is { } next)
        {
            ids.Add(next.Id);
            state.RemovePending(next);
        }
        return ids;
    }

    // Rule a's sends can be cancelled (a plain unless), so the state lists them by recipient; c's cannot.
    private static RuleProject Project() => RuleProjects.FromText("""
        event ping { }
        event pong { }
        rule a on ping unless pong send email "a"
        rule b on ping digest daily at 19:00 utc send email "b"
        rule c on ping delay 1h send email "c"
        """);

    private static EventRecord Ping(RuleProject project)
    {
        var e = project.Evaluators.NewEvent("ping")!;
        e.Id = "e1";
        e.UserId = "u1";
        e.Time = Time;
        return e;
    }
}
