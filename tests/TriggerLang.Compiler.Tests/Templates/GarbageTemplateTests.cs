using CsCheck;
using static TriggerLang.Compiler.Tests.Templates.TemplateTestData;

namespace TriggerLang.Compiler.Tests.Templates;

/// <summary>Whatever a user types, checking ends with diagnostics, never an exception (Check also asserts spans stay inside the text).</summary>
public class GarbageTemplateTests
{
    public static TheoryData<string> Garbage() =>
    [
        "{{",
        "{%",
        "}}",
        "{{ user.",
        "{% for %}",
        "{% for e in events %}{{ e.total }}",
        "{% endfor %}",
        "{% if %}{% else %}{% else %}",
        "{{ \"unterminated }}",
        "{{ a | }}",
        "{{ user[ }}",
        "{% assign = %}",
        "{% capture %}",
        "{% liquid assign x = 1 %}",
        "\0\uFFFF\uD800{{\uDC00}}",
        string.Concat(Enumerable.Repeat("{{", 100_000)),
        string.Concat(Enumerable.Repeat("{% if a %}", 100_000)),
        "{{ " + new string('(', 100_000) + " }}",
        "{{ user" + string.Concat(Enumerable.Repeat(".x", 100_000)) + " }}",
        "{{ user" + string.Concat(Enumerable.Repeat(" | f: a", 100_000)) + " }}",
    ];

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_never_throws(string text)
    {
        Check(text);
        Check(text, Digest);
    }

    [Fact]
    public void Random_text_never_throws() =>
        Gen.String.Sample(text => { Check(text); }, iter: 2_000);

    [Fact]
    public void Random_liquid_looking_text_never_throws() =>
        Gen.Char["{}%|.[]()\"' :-=<>\nabeuvtnr"].Array[0, 80].Select(chars => new string(chars))
            .Sample(text => { Check(text, Digest); }, iter: 5_000);

    [Fact]
    public void Random_arrangements_of_liquid_pieces_never_throw() =>
        Gen.OneOf("{{", "}}", "{%", "%}", " for e in events ", " endfor ", " if ", " endif ", " assign x = ", "user.", "event.total",
                "e.", "|", " upcase ", ": ", "\"s\"", "[0]", "forloop.index", " comment ", " raw ", " endraw ", "x", " else ")
            .Array[0, 30].Select(parts => string.Concat(parts))
            .Sample(text => { Check(text, Digest); }, iter: 5_000);
}
