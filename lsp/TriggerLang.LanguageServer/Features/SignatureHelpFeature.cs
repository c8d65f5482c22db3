using TriggerLang.Compiler.TypeSystem;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Signature help inside a function call: the function's signature with the
/// argument under the cursor. Read from the text (the unclosed <c>(</c> before the
/// cursor), because a call being typed is rarely a complete tree.
/// </summary>
public static class SignatureHelpFeature
{
    public static SignatureHelp? Help(AnalysedDocument document, Position position)
    {
        var text = document.File.Text;
        var offset = Conversions.ToOffset(document.File, position);
        var (open, argument) = UnclosedParenthesis(text, offset);
        if (open < 0)
        {
            return null;
        }
        var nameEnd = open;
        while (nameEnd > 0 && text[nameEnd - 1] == ' ')
        {
            nameEnd--;
        }
        var nameStart = nameEnd;
        while (nameStart > 0 && (char.IsLetterOrDigit(text[nameStart - 1]) || text[nameStart - 1] == '_'))
        {
            nameStart--;
        }
        if (!BuiltInFunctions.All.TryGetValue(text[nameStart..nameEnd], out var function))
        {
            return null;
        }
        var parameters = Parameters(function.Signature);
        var signature = new SignatureInformation(function.Signature, function.Description, parameters);
        return new SignatureHelp([signature], 0, Math.Min(argument, Math.Max(0, parameters.Count - 1)));
    }

    /// <summary>The offset of the innermost unclosed <c>(</c> before the cursor on its line's statement, and how many commas at its level precede the cursor.</summary>
    private static (int Open, int Argument) UnclosedParenthesis(string text, int offset)
    {
        var depth = 0;
        var commas = 0;
        for (var i = offset - 1; i >= 0; i--)
        {
            switch (text[i])
            {
                case ')' or ']':
                    depth++;
                    break;
                case '(' when depth == 0:
                    return (i, commas);
                case '(' or '[':
                    depth--;
                    break;
                case ',' when depth == 0:
                    commas++;
                    break;
                case '\n' or '{' or '}':
                    return (-1, 0);
            }
        }
        return (-1, 0);
    }

    /// <summary>Splits <c>round(number, [digits: int])</c> into the offsets of its parameters.</summary>
    private static List<ParameterInformation> Parameters(string signature)
    {
        var parameters = new List<ParameterInformation>();
        var start = signature.IndexOf('(', StringComparison.Ordinal) + 1;
        var end = signature.LastIndexOf(')');
        var depth = 0;
        var from = start;
        for (var i = start; i <= end; i++)
        {
            var c = signature[i];
            if (c is '[' or '(')
            {
                depth++;
            }
            else if (c is ']' || c is ')' && i < end)
            {
                depth--;
            }
            else if ((c == ',' && depth == 0) || i == end)
            {
                parameters.Add(new ParameterInformation([from, i]));
                from = i + 2;
            }
        }
        return parameters;
    }
}
