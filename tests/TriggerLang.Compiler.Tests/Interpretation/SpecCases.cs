namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>
/// The expression sentences of LANGUAGE.md §4 and §11 as cases: an
/// expression over <see cref="ProbeSchema"/>, the optional fields it is given
/// (on top of <see cref="BaseProperties"/>), and the value it must have
/// ("absent", a number, a "quoted string", true/false, a duration d.hh:mm:ss).
/// </summary>
internal static class SpecCases
{
    /// <summary>The required fields; <c>t</c> is 36 hours before <see cref="ProbeSchema.Now"/>. The recipient is <c>u1</c>.</summary>
    public const string BaseProperties = """
        {"i":7,"d":2.5,"m":10.00,"s":"abc","b":true,"t":"2026-11-29T22:00:00Z","du":3600,"u":"u2","li":[1,2,3],"ls":["a","b"]}
        """;

    public static TheoryData<string, string, string> All { get; } = new()
    {
        // Arithmetic and functions on an absent value give absent.
        { "oi + 1", "{}", "absent" },
        { "-oi", "{}", "absent" },
        { "od * 0", "{}", "absent" },
        { "lower(os)", "{}", "absent" },
        { "len(oli)", "{}", "absent" },
        { "abs(odu)", "{}", "absent" },
        { "days_since(ot)", "{}", "absent" },
        { "round(oi)", "{\"oi\":null}", "absent" },
        { "starts_with(os, \"a\")", "{}", "absent" },
        { "contains(oli, 1)", "{}", "absent" },
        { "contains(li, null)", "{}", "absent" },
        { "ot + du", "{}", "absent" },
        // Any comparison with an absent value is false, except against the literal null.
        { "oi == 1", "{}", "false" },
        { "oi != 1", "{}", "false" },
        { "oi < 1", "{}", "false" },
        { "oi >= 1", "{}", "false" },
        { "os in \"abc\"", "{}", "false" },
        { "\"a\" in ols", "{}", "false" },
        { "null in li", "{}", "false" },
        { "oli == []", "{}", "false" },
        { "oi == null", "{}", "true" },
        { "null == oi", "{}", "true" },
        { "oi != null", "{}", "false" },
        { "oi != null", "{\"oi\":3}", "true" },
        { "oi == coalesce(null, null)", "{}", "false" },
        // and/or/not are three-valued: false and absent is false, true or absent is true, otherwise absent.
        { "false and ob", "{}", "false" },
        { "ob and false", "{}", "false" },
        { "true and ob", "{}", "absent" },
        { "true or ob", "{}", "true" },
        { "ob or true", "{}", "true" },
        { "false or ob", "{}", "absent" },
        { "not ob", "{}", "absent" },
        { "not ob", "{\"ob\":false}", "true" },
        // int / int is exact decimal division; division (and modulo) by zero is absent; % keeps the left operand's sign.
        { "7 / 2", "{}", "3.5" },
        { "i / 3", "{}", "2.3333333333333333333333333333" },
        { "1 / 3 * 3", "{}", "0.9999999999999999999999999999" },
        { "i / 0", "{}", "absent" },
        { "d / 0.0", "{}", "absent" },
        { "i % 0", "{}", "absent" },
        { "-7 % 3", "{}", "-1" },
        { "7 % -3", "{}", "1" },
        { "-7.5 % 2", "{}", "-1.5" },
        // Whole numbers past a long's reach keep exact remainders.
        { "-999999999999999999 % 1000", "{}", "-999" },
        { "100000000000000000000000007 % 10", "{}", "7" },
        // Decimals are .NET decimal (28 significant digits); overflow is absent.
        { "0.1 + 0.2", "{}", "0.3" },
        { "1.005 * 1000", "{}", "1005" },
        { "79228162514264337593543950335 + 1", "{}", "absent" },
        { "79228162514264337593543950335 * 2", "{}", "absent" },
        { "-79228162514264337593543950335 - 1", "{}", "absent" },
        { "79228162514264337593543950335 / 0.5", "{}", "absent" },
        { "79228162514264337593543950335 % (4294967296 + 7 / -79228162514264337593543950335)", "{}", "absent" },
        { "0.0000000000000000000000000001 / 10", "{}", "0" },
        // round(x[, n]) rounds half away from zero, to 0..28 places.
        { "round(2.5)", "{}", "3" },
        { "round(-2.5)", "{}", "-3" },
        { "round(1.005, 2)", "{}", "1.01" },
        { "round(1.25, 1)", "{}", "1.3" },
        { "round(-1.25, 1)", "{}", "-1.3" },
        { "round(7)", "{}", "7" },
        { "round(1.5, 28)", "{}", "1.5" },
        { "round(1.5, 29)", "{}", "absent" },
        { "round(1.5, -1)", "{}", "absent" },
        // days_since(ts): whole 24 h periods from ts to the evaluation time, truncated toward zero.
        { "days_since(t)", "{}", "1" },
        { "days_since(ot)", "{\"ot\":\"2026-12-02T22:00:00Z\"}", "-1" },
        { "days_since(ot)", "{\"ot\":\"2026-11-30T10:00:01Z\"}", "0" },
        { "days_since(ot)", "{\"ot\":\"2026-11-30T10:00:00Z\"}", "1" },
        // in: substring on two strings, membership in a list.
        { "\"bc\" in s", "{}", "true" },
        { "\"\" in s", "{}", "true" },
        { "\"B\" in s", "{}", "false" },
        { "2 in li", "{}", "true" },
        { "2.0 in li", "{}", "true" },
        { "5 in li", "{}", "false" },
        { "\"a\" in ls", "{}", "true" },
        { "u in [\"u2\"]", "{}", "true" },
        { "7 in [7, null]", "{}", "true" },
        { "i in []", "{}", "false" },
        // Text compares ordinally (by UTF-16 code unit), without culture.
        { "\"B\" < \"a\"", "{}", "true" },
        { "\"\\u00e9\" > \"z\"", "{}", "true" },
        { "\"a\" < \"ab\"", "{}", "true" },
        { "s == \"ABC\"", "{}", "false" },
        // A user-typed value is its id string and compares equal to a string with that id.
        { "u == \"u2\"", "{}", "true" },
        { "user == \"u1\"", "{}", "true" },
        { "user == u", "{}", "false" },
        { "user in \"xu1x\"", "{}", "true" },
        // Lists are equal when equal element by element; an absent element equals nothing.
        { "li == [1, 2, 3]", "{}", "true" },
        { "li == [1.0, 2.00, 3]", "{}", "true" },
        { "li == [1, 2]", "{}", "false" },
        { "ls != [\"a\", \"b\"]", "{}", "false" },
        { "[] == oli", "{\"oli\":[]}", "true" },
        { "oli == [7, null]", "{\"oli\":[7,null]}", "false" },
        // coalesce and exists handle absence.
        { "coalesce(oi, 5)", "{}", "5" },
        { "coalesce(os, s)", "{}", "\"abc\"" },
        { "coalesce(oi, null)", "{}", "absent" },
        { "coalesce(ou, user)", "{}", "\"u1\"" },
        { "exists(oi)", "{}", "false" },
        { "exists(oi)", "{\"oi\":0}", "true" },
        { "exists(i)", "{}", "true" },
        // min, max, abs, len, lower/upper (invariant), starts/ends_with (ordinal), contains.
        { "min(1, 2.5)", "{}", "1" },
        { "max(oi, 1)", "{}", "absent" },
        { "max(du, 2h)", "{}", "02:00:00" },
        { "abs(-2.5)", "{}", "2.5" },
        { "abs(-(2h))", "{}", "02:00:00" },
        { "len(\"\\ud83d\\ude00\")", "{}", "2" },
        { "len(ls)", "{}", "2" },
        { "len([])", "{}", "0" },
        { "upper(\"\\u00e9\")", "{}", "\"\u00c9\"" },
        { "lower(\"ABC\")", "{}", "\"abc\"" },
        { "starts_with(s, \"ab\")", "{}", "true" },
        { "starts_with(s, \"AB\")", "{}", "false" },
        { "ends_with(s, \"\")", "{}", "true" },
        { "contains(s, \"b\")", "{}", "true" },
        { "contains(ls, \"b\")", "{}", "true" },
        { "contains(li, 2.0)", "{}", "true" },
        { "contains([], i)", "{}", "false" },
        // Durations are fixed lengths; times and durations out of range are absent.
        { "du + du", "{}", "02:00:00" },
        { "-(du)", "{}", "-01:00:00" },
        { "(t + 1d) - t", "{}", "1.00:00:00" },
        { "1d + t - t", "{}", "1.00:00:00" },
        { "(t + 922337203685s) - t", "{}", "absent" },
    };
}
