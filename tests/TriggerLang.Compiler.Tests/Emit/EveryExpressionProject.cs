namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>A project whose rules use every type, literal, operator and function of §4, and every clause with an expression.</summary>
internal static class EveryExpressionProject
{
    public const string Schema = """
        event order {
          id: string
          total: money
          qty: int
          rate: decimal
          paid: bool
          placed: timestamp
          wait: duration
          buyer: user
          tags: list<string>
          nums: list<int>?
          note: string?
        }
        event refund { order_id: string, amount: money?, placed: timestamp? }
        user { tier: string?, score: int?, born: timestamp?, ratio: decimal?, ok: bool? }
        """;

    public const string Rules = """
        rule everything on order
          where (total > 10.5 and qty >= 2 or not paid) and -total < 0 and -wait < 0s
            and total + qty - rate * 2 / 3 % 4 != 1
            and (note == null or note != null or exists(note)) and coalesce(note, "x") == "y"
            and lower(id) == upper(id) and len(id) > 0 and len(tags) <= 3
            and contains(id, "a") and contains(tags, "b") and starts_with(id, "c") and ends_with(id, "d")
            and abs(total) > 1 and abs(wait) > 1h and round(rate) == 1 and round(rate, 2) == 1.25
            and min(qty, 3) == max(qty, 1) and min(placed, placed) == max(placed, placed) and min(wait, 1h) < max(wait, 2h30m)
            and days_since(placed) > 1 and days_since(user.born) < 100 and placed + 1d > placed and placed - wait < placed
            and placed - placed == 0s and wait + 1m > wait - 1m
            and qty in [1, 2, 3] and id in ["x", "y"] and paid in [true, false] and wait in [1h, 2d] and id in "xyz"
            and nums == [1, qty] and tags == ["a", "b"] and tags != [id] and qty in [] and user.tier in ["gold", user.tier]
            and user.score > 1 and user.ratio <= 0.5 and user.ok and user.email == null and user.timezone != "UTC"
            and user == buyer and true and false == paid and user.id != "x"
          to followers(buyer)
          unless refund where order_id == event.id and amount > event.total and placed > event.placed
          goal refund where amount > 1 within 1d
          send email "x"
        rule single on order to buyer send email "y"
        """;
}
