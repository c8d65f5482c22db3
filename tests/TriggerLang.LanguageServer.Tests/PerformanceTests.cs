using System.Diagnostics;
using System.Text;
using TriggerLang.LanguageServer.Protocol;
using Xunit.Abstractions;

namespace TriggerLang.LanguageServer.Tests;

/// <summary>
/// Latency on a 2,000-line project (the budget: didChange → diagnostics
/// ≤ 50 ms, completion p95 ≤ 20 ms). Measured on every run and printed; the
/// asserted bounds are loose, because CI shares two cores with other jobs:
/// they catch a server that went quadratic, not a slow machine.
/// </summary>
[Collection(nameof(PerformanceTests))]
public sealed class PerformanceTests(ITestOutputHelper output)
{
    private const int Files = 10;

    [Fact]
    public async Task Diagnostics_after_a_change_and_completion_on_a_2000_line_project()
    {
        using var folder = BigProject();
        var lines = Directory.EnumerateFiles(folder.Root).Sum(f => File.ReadAllLines(f).Length);
        await using var session = await LspSession.StartAsync(folder);
        var rules = File.ReadAllText(folder.FullPath("rules_0.trig"));
        await session.Open("rules_0.trig", rules);
        Assert.Empty(await session.Diagnostics("rules_0.trig"));

        var changes = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            // Alternate between a broken and the fixed text so that every change produces a new diagnostics list.
            var broken = i % 2 == 0;
            var clock = Stopwatch.StartNew();
            await session.Change("rules_0.trig", broken ? rules.Replace("on event_1\n", "on event_1x\n", StringComparison.Ordinal) : rules);
            await session.Diagnostics("rules_0.trig", d => d.Count > 0 == broken);
            changes.Add(clock.Elapsed.TotalMilliseconds);
        }

        var completions = new List<double>();
        var at = new Position(rules.Split('\n').Length - 1, 0);
        await session.Change("rules_0.trig", rules + "rule extra on event_3 where ");
        await session.Diagnostics("rules_0.trig", d => d.Count > 0);
        for (var i = 0; i < 50; i++)
        {
            var clock = Stopwatch.StartNew();
            var list = await session.Request<CompletionList>("textDocument/completion", session.At("rules_0.trig", at with { Character = 28 }));
            completions.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Contains(list.Items, item => item.Label == "amount");
        }

        var change = Percentile(changes.Skip(4).ToList(), 0.5);
        var completion = Percentile(completions.Skip(5).ToList(), 0.95);
        output.WriteLine($"{lines} lines in {Files + 1} files: didChange → diagnostics median {change:F1} ms; completion p95 {completion:F1} ms");
        Assert.True(lines >= 2000, $"only {lines} lines");
        Assert.True(change < 1000, $"didChange → diagnostics took {change:F1} ms");
        Assert.True(completion < 500, $"completion p95 took {completion:F1} ms");
    }

    private static double Percentile(List<double> values, double p) => values.Order().ElementAt((int)Math.Ceiling(p * values.Count) - 1);

    /// <summary>Timed alone, not beside the other test classes that xUnit runs in parallel.</summary>
    [CollectionDefinition(nameof(PerformanceTests), DisableParallelization = true)]
    public sealed class Alone;

    private static TempFolder BigProject()
    {
        var folder = new TempFolder();
        var schema = new StringBuilder("user {\n  country: string?\n  tier: string?\n}\n");
        for (var e = 0; e < 20; e++)
        {
            schema.Append($"\nevent event_{e} {{\n  id: string\n  amount: money\n  items: int\n  label: string?\n}}\n");
        }
        folder.With("schema.trig", schema.ToString());
        for (var f = 0; f < Files; f++)
        {
            var rules = new StringBuilder();
            for (var r = 0; r < 20; r++)
            {
                rules.Append($$$"""
                    rule rule_{{{f}}}_{{{r}}} "Rule {{{f}}}.{{{r}}}"
                      on event_{{{r % 20}}}
                      where amount > {{{r * 10}}} and user.country in ["US", "CA"]
                      delay {{{r + 1}}}m
                      unless event_{{{(r + 1) % 20}}} where items > 2 within 24h
                      window 09:00-21:00 local
                      cap 3/day
                      category marketing
                      send email {
                        subject: "You left {{ event.items }} items, {{ user.country | default: \"friend\" }}"
                        body: "Total {{ event.amount }}"
                      }

                    """);
            }
            folder.With($"rules_{f}.trig", rules.ToString());
        }
        return folder;
    }
}
