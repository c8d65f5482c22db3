using CsCheck;
using NodaTime;
using TriggerLang.Compiler.Interpretation;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;
using TriggerLang.Engine.Simulation;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Tests.Decision;

/// <summary>
/// Invariants of the decision core over random input (TestData/Properties):
/// caps and limits are never exceeded, nothing is sent outside its window
/// (checked on the local clock, independently of the engine's window code),
/// and the compiled rule pack decides exactly as the interpreter.
/// </summary>
public sealed class EnginePropertyTests
{
    private static readonly string[] Zones = ["UTC", "America/New_York", "Asia/Kolkata", "Europe/Paris", "Australia/Lord_Howe"];
    private static readonly DateTimeOffset Start = new(2026, 3, 27, 0, 0, 0, TimeSpan.Zero); // spans the European and US DST changes of 2026

    private static readonly Lazy<RuleProject> Project = new(() =>
        RuleProjects.FromFolder(Path.Combine(AppContext.BaseDirectory, "TestData", "Properties")));

    private record struct Ping(int User, int Minute, bool Stop, int Amount);

    private static readonly Gen<List<Ping>> Inputs =
        Gen.Select(Gen.Int[0, Zones.Length - 1], Gen.Int[0, 6 * 24 * 60], Gen.Int[0, 9], Gen.Int[0, 9])
            .Select((user, minute, kind, amount) => new Ping(user, minute, kind == 0, amount))
            .List[0, 80]
            .Select(list => list.OrderBy(p => p.Minute).ToList());

    [Fact]
    public void Caps_and_limits_are_never_exceeded() => Inputs.Sample(pings =>
    {
        var sent = Simulate(pings, Project.Value.Evaluators).Outcomes.Where(o => o.Status == OutcomeStatus.Sent).ToList();
        foreach (var o in sent)
        {
            int Within(int days, Func<Outcome, bool> counts) =>
                sent.Count(s => s.User == o.User && s.Time > o.Time - TimeSpan.FromDays(days) && s.Time <= o.Time && counts(s));
            var (limit, days) = o.Rule switch { "daytime" => (2, 1), "nightly" => (1, 1), "receipts" => (5, 1), "weekly" => (2, 7), _ => (int.MaxValue, 1) };
            Assert.True(Within(days, s => s.Rule == o.Rule) <= limit, $"{o.Rule} capped at {limit} per {days} days, exceeded at {o.Time:O} for {o.User}");
            if (o.Rule != "receipts")
            {
                Assert.True(Within(1, s => s.Rule != "receipts") <= 3, $"limit 3/day exceeded at {o.Time:O} for {o.User}");
                Assert.True(Within(1, s => s.Rule != "receipts" && s.Channel == "push") <= 2, $"push limit exceeded at {o.Time:O} for {o.User}");
            }
        }
    }, iter: 150);

    [Fact]
    public void Nothing_is_sent_outside_its_window() => Inputs.Sample(pings =>
    {
        foreach (var o in Simulate(pings, Project.Value.Evaluators).Outcomes.Where(o => o.Status == OutcomeStatus.Sent))
        {
            var local = Instant.FromDateTimeOffset(o.Time).InZone(DateTimeZoneProviders.Tzdb[Zones[int.Parse(o.User[1..])]]).TimeOfDay;
            var hour = local.Hour;
            Assert.True(o.Rule switch
            {
                "daytime" => hour is >= 9 and < 21,
                "nightly" => hour is >= 22 or < 6,
                _ => true,
            }, $"{o.Rule} sent at {o.Time:O}, {local} local for {o.User}");
        }
    }, iter: 150);

    [Fact]
    public void Compiled_rules_decide_as_the_interpreter() => Inputs.Sample(pings =>
    {
        var compiled = Simulate(pings, Project.Value.Evaluators);
        var interpreted = Simulate(pings, new RuleInterpreter(Project.Value.Compilation.Model, Project.Value.Evaluators));
        Assert.Equal(compiled.Outcomes.Select(Key), interpreted.Outcomes.Select(Key));
    }, iter: 100);

    [Fact]
    public void Every_trigger_that_passes_where_has_exactly_one_outcome_per_rule() => Inputs.Sample(pings =>
    {
        var outcomes = Simulate(pings, Project.Value.Evaluators).Outcomes.ToLookup(o => o.Trigger);
        for (var i = 0; i < pings.Count; i++)
        {
            var ping = pings[i];
            // The rules' `where` clauses, restated: see TestData/Properties/rules.trig.
            string[] expected = ping.Stop ? []
                : [.. new[] { ping.Amount > 2 ? "daytime" : null, "nightly", ping.Amount % 3 == 0 || ping.User == 3 ? "thirds" : null, "receipts",
                    ping.Amount >= 5 ? "weekly" : null }
                    .OfType<string>().Order(StringComparer.Ordinal)];
            Assert.Equal(expected, outcomes[$"e{i + 1}"].Select(o => o.Rule).Order(StringComparer.Ordinal));
        }
    }, iter: 100);

    [Fact]
    public void A_simulation_is_deterministic_byte_for_byte() => Inputs.Sample(pings =>
    {
        Assert.Equal(Json(Simulate(pings, Project.Value.Evaluators)), Json(Simulate(pings, Project.Value.Evaluators)));
    }, iter: 50);

    [Fact]
    public void Outcomes_emitted_as_the_run_goes_are_the_sorted_outcomes_of_the_whole_run()
    {
        // Large enough (several thousand outcomes) that they are emitted in several batches, not all at the end.
        var random = new Random(20261123);
        var pings = Enumerable.Range(0, 4000)
            .Select(_ => new Ping(random.Next(Zones.Length), random.Next(6 * 24 * 60), random.Next(10) == 0, random.Next(10)))
            .OrderBy(p => p.Minute)
            .ToList();
        var whole = Simulate(pings, Project.Value.Evaluators);
        var emitted = new List<Outcome>();
        var streamed = Simulate(pings, Project.Value.Evaluators, emitted.Add);

        Assert.True(whole.Outcomes.Count > 3000, $"only {whole.Outcomes.Count} outcomes");
        Assert.Empty(streamed.Outcomes);
        Assert.Equal(whole.Counts, streamed.Counts);
        Assert.Equal(whole.Outcomes.Select(Key), emitted.Select(Key));
    }

    private static string Json(SimulationResult result)
    {
        var output = new StringWriter();
        foreach (var outcome in result.Outcomes)
        {
            OutcomeJson.Write(output, outcome, explain: false);
        }
        return output.ToString();
    }

    private static string Key(Outcome o) =>
        $"{o.Time:O} {o.Rule} {o.User} {o.Channel} {o.Status} {o.Reason} {o.Trigger} {string.Join(",", o.Fields.Select(f => f.Key + "=" + f.Value))}";

    private static SimulationResult Simulate(List<Ping> pings, IRuleEvaluators evaluators, Action<Outcome>? emit = null)
    {
        var project = Project.Value;
        var records = new List<InputRecord>();
        for (var u = 0; u < Zones.Length; u++)
        {
            records.Add(TestRecords.User($"u{u}", ("timezone", Zones[u]), ("email", $"u{u}@example.com"), ("push_token", $"t{u}"), ("tier", u == 3 ? "gold" : null)));
        }
        var index = 0;
        foreach (var ping in pings)
        {
            var time = Start.AddMinutes(ping.Minute);
            var e = evaluators.NewEvent(ping.Stop ? "stop" : "ping")!;
            e.Id = $"e{++index}";
            e.UserId = $"u{ping.User}";
            e.Time = time;
            e.ReadProperties(System.Text.Json.JsonSerializer.SerializeToElement(new { amount = ping.Amount }));
            records.Add(new EventInput(e, $"ping {index}"));
        }
        return new Simulator(project.Rules, evaluators, project.Renderer).Run(records, emit: emit);
    }
}
