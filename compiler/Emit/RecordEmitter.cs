using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// The project's typed records: one class per event (fields, JSON reader,
/// <c>GetField</c>) and the user class with the declared attributes.
/// </summary>
internal sealed class RecordEmitter(PackLayout layout, StringBuilder code)
{
    private const string Ev = GeneratedNames.EvaluationAlias;
    private const string Json = "global::System.Text.Json.JsonElement";
    private const string Utf8Reader = "global::System.Text.Json.Utf8JsonReader";

    public void EmitEvent(EventSymbol symbol)
    {
        var name = layout.EventClass(symbol);
        code.Append("public sealed class ").Append(name).Append(" : ").Append(Ev).Append(".EventRecord\n{\n");
        code.Append("    public override string Name => ").Append(Literal(symbol.Name)).Append(";\n");
        for (var i = 0; i < symbol.Fields.Count; i++)
        {
            code.Append("    public ").Append(CSharpTypes.Of(symbol.Fields[i].Type)).Append(' ').Append(GeneratedNames.EventField(i)).Append(";\n");
        }
        code.Append("    public override void ReadProperties(").Append(Json).Append(" p)\n    {\n");
        if (symbol.Fields.Count > 0)
        {
            // Only when used: an event without fields would get warning CS0168, and generated code compiles without warnings.
            code.Append("        ").Append(Json).Append(" v;\n");
        }
        for (var i = 0; i < symbol.Fields.Count; i++)
        {
            var field = symbol.Fields[i];
            var member = GeneratedNames.EventField(i);
            code.Append("        if (p.TryGetProperty(").Append(Literal(field.Name)).Append(", out v)) ").Append(member).Append(" = ")
                .Append(Reader(field.Type, "v", Literal(field.Name))).Append(";\n");
            if (!field.Type.IsOptional)
            {
                code.Append("        if (").Append(member).Append(" is null) throw ").Append(Ev).Append(".TrigJson.Missing(")
                    .Append(Literal(field.Name)).Append(");\n");
            }
        }
        code.Append("    }\n");
        EmitTryReadProperties(symbol);
        code.Append("    public override object? GetField(int index) => index switch\n    {\n");
        for (var i = 0; i < symbol.Fields.Count; i++)
        {
            code.Append("        ").Append(i).Append(" => ").Append(GeneratedNames.EventField(i)).Append(",\n");
        }
        code.Append("        _ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),\n    };\n}\n\n");
    }

    public void EmitUser()
    {
        var declared = layout.DeclaredAttributes.ToList();
        code.Append("public sealed class ").Append(GeneratedNames.UserClass).Append(" : ").Append(Ev).Append(".UserRecord\n{\n");
        for (var i = 0; i < declared.Count; i++)
        {
            code.Append("    public ").Append(CSharpTypes.Of(declared[i].Type)).Append(' ').Append(GeneratedNames.UserField(i)).Append(";\n");
        }
        code.Append("    protected override void SetDeclaredAttribute(string name, ").Append(Json).Append(" v)\n    {\n        switch (name)\n        {\n");
        for (var i = 0; i < declared.Count; i++)
        {
            code.Append("            case ").Append(Literal(declared[i].Name)).Append(": ").Append(GeneratedNames.UserField(i)).Append(" = ")
                .Append(Reader(declared[i].Type, "v", "name")).Append("; break;\n");
        }
        code.Append("        }\n    }\n");
        code.Append("    public override object? GetAttribute(int index) => index < ").Append(Ev)
            .Append(".UserRecord.BuiltInCount ? GetBuiltIn(index) : (index - ").Append(Ev).Append(".UserRecord.BuiltInCount) switch\n    {\n");
        for (var i = 0; i < declared.Count; i++)
        {
            code.Append("        ").Append(i).Append(" => ").Append(GeneratedNames.UserField(i)).Append(",\n");
        }
        code.Append("        _ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),\n    };\n}\n\n");
    }

    /// <summary>
    /// The fast path of <c>ReadProperties</c>, over the line's bytes (<c>EventRecord.TryReadProperties</c>): each property
    /// that names a field is read by the <c>TrigJsonUtf8</c> twin of its <c>TrigJson</c> reader; anything those would not
    /// accept, and a missing required field, returns false, so that the <c>JsonElement</c> path reads the event and words the error.
    /// </summary>
    private void EmitTryReadProperties(EventSymbol symbol)
    {
        code.Append("    private static readonly ").Append(Ev).Append(".PropertyNames ").Append(GeneratedNames.EventPropertyNames).Append(" = new(new string[] { ");
        code.AppendJoin(", ", symbol.Fields.Select(field => Literal(field.Name))).Append(" });\n");
        code.Append("    public override bool TryReadProperties(ref ").Append(Utf8Reader).Append(" r)\n    {\n");
        code.Append("        long seen = 0;\n");
        code.Append("        for (var i = ").Append(GeneratedNames.EventPropertyNames).Append(".Next(ref r, ref seen); i != ").Append(Ev).Append(".PropertyNames.End; i = ")
            .Append(GeneratedNames.EventPropertyNames).Append(".Next(ref r, ref seen))\n        {\n");
        code.Append("            var read = i switch\n            {\n");
        for (var i = 0; i < symbol.Fields.Count; i++)
        {
            code.Append("                ").Append(i).Append(" => ").Append(FastReader(symbol.Fields[i].Type, GeneratedNames.EventField(i))).Append(",\n");
        }
        code.Append("                _ => false,\n            };\n");
        code.Append("            if (!read) return false;\n        }\n");
        // Every required field present: else ReadProperties names the missing one.
        var required = Enumerable.Range(0, symbol.Fields.Count).Where(i => !symbol.Fields[i].Type.IsOptional)
            .Select(i => GeneratedNames.EventField(i) + " is not null").ToList();
        code.Append("        return ").Append(required.Count == 0 ? "true" : string.Join(" && ", required)).Append(";\n    }\n");
    }

    private static string Reader(TrigType type, string value, string fieldLiteral) =>
        type.Kind == TypeKind.List
            ? $"{Ev}.TrigJson.List({value}, {fieldLiteral}, static (e, f) => {Ev}.TrigJson.{CSharpTypes.JsonReader(type.Element!)}(e, f))"
            : $"{Ev}.TrigJson.{CSharpTypes.JsonReader(type)}({value}, {fieldLiteral})";

    private static string FastReader(TrigType type, string member) =>
        type.Kind == TypeKind.List
            ? $"{Ev}.TrigJsonUtf8.List(ref r, out {member}, {Ev}.TrigJsonUtf8.{CSharpTypes.JsonReader(type.Element!)})"
            : $"{Ev}.TrigJsonUtf8.{CSharpTypes.JsonReader(type)}(ref r, out {member})";

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
