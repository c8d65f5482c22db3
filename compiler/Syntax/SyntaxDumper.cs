using System.Collections;
using System.Reflection;
using System.Text;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

/// <summary>
/// Prints a syntax tree as indented text, one node per line, without spans
/// (unless asked): used by golden parse tests and to compare two trees for
/// structural equality (<c>parse(fmt(x)) == parse(x)</c>).
/// </summary>
public static class SyntaxDumper
{
    public static string Dump(SyntaxNode node, bool withSpans = false)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0, withSpans);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, SyntaxNode node, int indent, bool withSpans)
    {
        var type = node.GetType();
        builder.Append(' ', indent * 2).Append(type.Name.Replace("Syntax", "", StringComparison.Ordinal));
        if (withSpans)
        {
            builder.Append(' ').Append(node.Span);
        }
        var children = new List<(string Name, object Value)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (IsIgnored(property))
            {
                continue;
            }
            var value = property.GetValue(node);
            switch (value)
            {
                case null:
                    break;
                case SyntaxNode child:
                    children.Add((property.Name, child));
                    break;
                case IEnumerable<SyntaxNode> list:
                    children.Add((property.Name, list.ToList()));
                    break;
                case string or bool or int or decimal or TimeSpan or TimeOnly or DateTimeOffset or Enum:
                    builder.Append(' ').Append(property.Name).Append('=').Append(Format(value));
                    break;
                case IEnumerable:
                    break;
                default:
                    builder.Append(' ').Append(property.Name).Append('=').Append(Format(value));
                    break;
            }
        }
        builder.Append('\n');
        foreach (var (name, value) in children)
        {
            if (value is SyntaxNode child)
            {
                builder.Append(' ', indent * 2 + 2).Append(name).Append(":\n");
                Write(builder, child, indent + 2, withSpans);
            }
            else if (value is List<SyntaxNode> list && list.Count > 0)
            {
                builder.Append(' ', indent * 2 + 2).Append(name).Append(":\n");
                foreach (var item in list)
                {
                    Write(builder, item, indent + 2, withSpans);
                }
            }
        }
    }

    private static bool IsIgnored(PropertyInfo property) =>
        property.Name is "Children" or "EqualityContract" or "File" or "Comments" or "ValueOffsets" or "Keyword"
        || property.PropertyType == typeof(TextSpan)
        || property.GetIndexParameters().Length > 0;

    private static string Format(object value) => value switch
    {
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
