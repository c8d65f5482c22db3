namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>Strings that would do harm if a rule's text reached generated C# other than as a correctly escaped literal.</summary>
internal static class HostilePayloads
{
    /// <summary>Titles, messages and list items: break-outs without template braces (send text is a template).</summary>
    public static readonly string[] Extra =
    [
        "\"); System.Environment.Exit(3); //",
        "*/ System.Environment.Exit(3); /*",
        "\"\"\" + System.Environment.Exit(3) + \"\"\"",
        "\u2028System.Environment.Exit(3);",
        "\\u0022); System.Environment.Exit(3); //",
        "\n#error injected\n",
        "\0\u0085\uD800",
        "@\"",
        "'",
        "x",
    ];

    /// <summary>Where-clause strings; <paramref name="victim"/> must survive and <paramref name="created"/> must not appear.</summary>
    public static IReadOnlyList<string> All(string victim, string created) =>
    [
        $"\"); System.IO.File.Delete(\"{victim}\"); //",
        $"\"; System.IO.File.WriteAllText(\"{created}\", \"\"); \"",
        $"\"\"\"); System.IO.File.Delete(\"{victim}\"); //\"\"\"",
        "\"\"\"",
        $"*/ System.IO.File.Delete(\"{victim}\"); /*",
        "/*",
        "*/",
        "{System.Environment.Exit(1)}",
        "$\"{System.Environment.Exit(1)}\"",
        "{{System.Environment.Exit(1)}}",
        "\\u0022); System.Environment.Exit(1); //",
        "\\u0022",
        "\\",
        "\\\"",
        "\"",
        "\n#error injected\n",
        "\u2028System.Environment.Exit(1);//",
        "\u2029System.Environment.Exit(1);//",
        "\u0085System.Environment.Exit(1);//",
        "\rSystem.Environment.Exit(1);//",
        "\r\n#error injected",
        "\0",
        "a\0b",
        "\uD800",
        "\uDC00",
        "\uDC00\uD800",
        "x\uD83D",
        "\uD83D\uDE00",
        "#line 1 \"evil.cs\"",
        "\n#line hidden\n",
        "\n#if false\n",
        "\n#define EVIL\n",
        "\n#pragma warning disable\n",
        "@\"",
        "'",
        "\uFEFF",
        "\u200B\u200E\u202E",
        "\t\v\f\a\b\u001B\u007F",
        "}; } } public class Evil { static Evil() { System.Environment.Exit(1); } } //",
        "class",
        "__arglist",
        "\\u0063lass",
        "",
        " ",
    ];

    /// <summary>Whether the string is valid UTF-16 (no lone surrogates), so that it can go through JSON.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
