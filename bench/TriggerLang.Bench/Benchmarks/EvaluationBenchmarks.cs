using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using TriggerLang.Compiler;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Text;
using TriggerLang.Evaluation;

namespace TriggerLang.Bench.Benchmarks;

/// <summary>
/// Evaluating one <c>where</c> predicate per event, side by side: the compiled rule pack, the reference interpreter
/// and Microsoft RulesEngine 6.0.1 with equivalent expressions. Every benchmark evaluates the same predicate over the
/// same <see cref="Events"/> pre-built events (records built in the setup: JSON reading is not measured), so the
/// figures are per event (<c>OperationsPerInvoke</c>), ns and bytes allocated.
/// <para>
/// RulesEngine gets its fastest fair setup: typed input classes (<see cref="Cart"/>, <see cref="Customer"/>, not
/// ExpandoObject or JSON), one workflow with one rule per predicate, compiled once in the setup (RulesEngine caches the
/// compiled delegate per workflow), FastExpressionCompiler on, formatted error messages and scoped params off, and the
/// <c>RuleParameter[]</c> of every event built in the setup. Its API is asynchronous and returns a result tree per
/// call; that is the cost of using it, so it is measured.
/// </para>
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    public const int Events = 64;

    private const string Schema = """
        event cart_abandoned { cart_id: string, total: money, items: int, category: string?, coupon: string?, discount: money? }
        user { country: string?, vip: bool? }
        """;

    /// <summary>The predicates, in rule order (rule <c>p0</c> is rule 0), as TriggerLang and as RulesEngine lambda expressions.</summary>
    public static readonly (string Name, string Trig, string RulesEngine)[] Predicates =
    [
        ("threshold_in",
            """total > 100 and user.country in ["US", "CA"]""",
            """cart.Total > 100 AND user.Country in ("US", "CA")"""),
        ("string_fn",
            """starts_with(lower(coupon), "vip") or ends_with(cart_id, "-gift")""",
            """(cart.Coupon != null AND cart.Coupon.ToLowerInvariant().StartsWith("vip", StringComparison.Ordinal)) OR cart.CartId.EndsWith("-gift", StringComparison.Ordinal)"""),
        ("optional",
            """coalesce(category, "other") in ["wine", "spirits"] or (discount != null and discount >= 10)""",
            """(cart.Category ?? "other") in ("wine", "spirits") OR (cart.Discount != null AND cart.Discount >= 10)"""),
        ("arithmetic",
            """round(total * 0.9 - coalesce(discount, 0), 2) >= 50 and items % 2 == 0""",
            """Math.Round(cart.Total * 0.9m - (cart.Discount ?? 0m), 2, MidpointRounding.AwayFromZero) >= 50 AND cart.Items % 2 == 0"""),
    ];

    private LoadedRulePack _pack = null!;
    private IRuleEvaluators _compiled = null!;
    private IRuleEvaluators _interpreter = null!;
    private EventRecord[] _triggers = null!;
    private UserRecord[] _users = null!;
    private DateTimeOffset _now;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private RuleParameter[][] _ruleParameters = null!;
    private int _rule;

    [ParamsSource(nameof(PredicateNames))]
    public string Predicate { get; set; } = "threshold_in";

    public static IEnumerable<string> PredicateNames => Predicates.Select(p => p.Name);

    [GlobalSetup]
    public void Setup()
    {
        _rule = Array.FindIndex(Predicates, p => p.Name == Predicate);
        var compilation = CompileProject();
        var build = RulePackCompiler.Compile(compilation);
        _pack = LoadedRulePack.Load(build.Assembly ?? throw new InvalidOperationException(build.Diagnostics[0].ToString()));
        _compiled = _pack.Evaluators;
        _now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        var random = new Random(20261201);
        var carts = new Cart[Events];
        var customers = new Customer[Events];
        _triggers = new EventRecord[Events];
        _users = new UserRecord[Events];
        _ruleParameters = new RuleParameter[Events][];
        for (var i = 0; i < Events; i++)
        {
            var cart = carts[i] = new Cart
            {
                CartId = random.Next(4) == 0 ? $"c{i}-gift" : $"c{i}",
                Total = random.Next(0, 30000) / 100m,
                Items = random.Next(1, 7),
                Category = random.Pick<string?>(null, null, "wine", "spirits", "books", "toys"),
                Coupon = random.Pick<string?>(null, null, null, "VIP10", "vip_gold", "SAVE5", "spring"),
                Discount = random.Next(2) == 0 ? null : random.Next(0, 2000) / 100m,
            };
            var customer = customers[i] = new Customer { Country = random.Pick<string?>("US", "CA", "DE", "FR", null), Vip = random.Next(3) == 0 };

            var trigger = _compiled.NewEvent("cart_abandoned")!;
            trigger.Time = _now;
            trigger.ReadProperties(JsonSerializer.SerializeToElement(new Dictionary<string, object?>
            {
                ["cart_id"] = cart.CartId, ["total"] = cart.Total, ["items"] = cart.Items, ["category"] = cart.Category,
                ["coupon"] = cart.Coupon, ["discount"] = cart.Discount,
            }));
            _triggers[i] = trigger;
            var user = _compiled.NewUser($"u{i}");
            user.SetAttribute("country", JsonSerializer.SerializeToElement(customer.Country));
            user.SetAttribute("vip", JsonSerializer.SerializeToElement(customer.Vip));
            _users[i] = user;
            _ruleParameters[i] = [new RuleParameter("cart", cart), new RuleParameter("user", customer)];
        }

        var settings = new ReSettings
        {
            UseFastExpressionCompiler = true,
            EnableFormattedErrorMessage = false,
            EnableScopedParams = false,
            EnableExceptionAsErrorMessage = false,
        };
        var workflows = Predicates.Select(p => new Workflow
        {
            WorkflowName = p.Name,
            Rules = [new Rule { RuleName = p.Name, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = p.RulesEngine }],
        }).ToArray();
        _rulesEngine = new RulesEngine.RulesEngine(workflows, settings);

        _interpreter = CreateInterpreter(compilation, _pack);

        // The three must decide alike on every event, or they do not measure the same thing.
        for (var i = 0; i < Events; i++)
        {
            var expected = _compiled.Where(_rule, _triggers[i], _users[i], _now);
            var other = RulesEngineWhere(i);
            if (other != expected)
            {
                throw new InvalidOperationException($"{Predicate}, event {i}: compiled says {expected}, RulesEngine {other}");
            }
            if (_interpreter.Where(_rule, _triggers[i], _users[i], _now) != expected)
            {
                throw new InvalidOperationException($"{Predicate}, event {i}: compiled says {expected}, the interpreter does not");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _pack.Dispose();

    /// <summary>The compiled pack: <c>IRuleEvaluators.Where</c> (interface call, rule switch, typed static method).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int Compiled()
    {
        var count = 0;
        for (var i = 0; i < Events; i++)
        {
            count += _compiled.Where(_rule, _triggers[i], _users[i], _now) ? 1 : 0;
        }
        return count;
    }

    /// <summary>The reference interpreter over the same records (not in this tree yet: see <see cref="CreateInterpreter"/>).</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int Interpreter()
    {
        var interpreter = _interpreter;
        var count = 0;
        for (var i = 0; i < Events; i++)
        {
            count += interpreter.Where(_rule, _triggers[i], _users[i], _now) ? 1 : 0;
        }
        return count;
    }

    /// <summary>RulesEngine 6.0.1, the equivalent lambda expression over typed inputs.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int RulesEngine()
    {
        var count = 0;
        for (var i = 0; i < Events; i++)
        {
            count += RulesEngineWhere(i) ? 1 : 0;
        }
        return count;
    }

    private bool RulesEngineWhere(int i)
    {
        var results = _rulesEngine.ExecuteAllRulesAsync(Predicate, _ruleParameters[i]).GetAwaiter().GetResult();
        return results[0].IsSuccess;
    }

    /// <summary>The reference interpreter, as an <see cref="IRuleEvaluators"/> over the compiled pack's records.</summary>
    private static IRuleEvaluators CreateInterpreter(Compilation compilation, LoadedRulePack pack) =>
        new TriggerLang.Compiler.Interpretation.RuleInterpreter(compilation.Model, pack.Evaluators);

    public static Compilation CompileProject()
    {
        var rules = string.Join("\n", Predicates.Select(p => $"rule {p.Name} on cart_abandoned where {p.Trig} send email \"x\""));
        var compilation = Compilation.Create([new SourceFile("schema.trig", Schema), new SourceFile("rules.trig", rules)]);
        if (!compilation.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"the evaluation project has diagnostics: {compilation.Diagnostics[0]}");
        }
        return compilation;
    }

    /// <summary>RulesEngine's input: the cart_abandoned event as a typed class (int as decimal, as in TriggerLang).</summary>
    public sealed class Cart
    {
        public string CartId { get; set; } = "";
        public decimal Total { get; set; }
        public decimal Items { get; set; }
        public string? Category { get; set; }
        public string? Coupon { get; set; }
        public decimal? Discount { get; set; }
    }

    /// <summary>RulesEngine's input: the user's declared attributes.</summary>
    public sealed class Customer
    {
        public string? Country { get; set; }
        public bool? Vip { get; set; }
    }
}

internal static class RandomPick
{
    public static T Pick<T>(this Random random, params T[] items) => items[random.Next(items.Length)];
}
