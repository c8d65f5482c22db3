using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// Roslyn's first compilation in a process pays its cold start: about half a second of type loading and JIT before
/// a single rule is bound (bench/README.md, Back end). <see cref="Start"/> pays it on the thread pool with a small
/// built-in project of the same shapes as real ones, while the caller parses, binds and checks its own project on
/// the other core, so that the real compile finds Roslyn warm. For commands that are about to compile
/// (<c>trig build</c>); a command that may find its pack in the cache should not spend the CPU.
/// </summary>
public static class RoslynWarmUp
{
    internal const string Project = """
        event viewed { item: string, price: money, tags: list<string>?, at: timestamp?, spent: duration?, actor: user, fresh: bool? }
        event bought { item: string, price: money }
        user { country: string?, vip: bool? }
        rule a on viewed
          where price * 0.9 - 1 > 10 and (user.country in ["US", "CA"] or not user.vip) and starts_with(lower(item), "x")
          unless bought where item == event.item and round(price, 2) >= 1
          goal bought where len(item) > 0 within 1d
          send email "a"
        rule b on viewed where coalesce(user.country, "US") == "US" or days_since(at) < 3 or "t" in tags or spent > 1h to followers(actor) send push "b"
        """;

    private static readonly Lazy<Task> Started = new(() => Task.Run(() =>
        RulePackCompiler.Compile(Compilation.Create([new SourceFile("warm-up.trig", Project)]))));

    /// <summary>Starts the warm-up once per process; later calls do nothing, and so does a machine with one core (nothing to overlap).</summary>
    public static void Start()
    {
        if (Environment.ProcessorCount > 1)
        {
            _ = Started.Value;
        }
    }
}
