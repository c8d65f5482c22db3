using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// What the checker knows about a template value: enough to check member access,
/// nothing more (templates render whatever they get, so there are no type errors).
/// </summary>
internal abstract record TemplateShape
{
    /// <summary>Locals from assign/capture, ranges, and anything after an error: every member is accepted.</summary>
    public static readonly TemplateShape Unknown = new UnknownShape();

    public static TemplateShape User(UserSchema schema) => Record("user", schema.Attributes, "user");

    public static TemplateShape Event(EventSymbol? symbol) =>
        symbol is null ? Unknown : Record($"event `{symbol.Name}`", symbol.Fields, symbol.Name);

    public static TemplateShape Rule { get; } = new RecordShape("rule", new Dictionary<string, TemplateShape>(StringComparer.Ordinal)
    {
        ["name"] = new ScalarShape(TrigType.String),
        ["title"] = new ScalarShape(TrigType.String.AsOptional()),
    });

    /// <summary>Liquid's loop object, limited to what Scriban supports in Liquid mode (it rejects even/odd/parentloop itself).</summary>
    public static TemplateShape ForLoop { get; } = new RecordShape("`forloop`", new Dictionary<string, TemplateShape>(StringComparer.Ordinal)
    {
        ["index"] = new ScalarShape(TrigType.Int),
        ["index0"] = new ScalarShape(TrigType.Int),
        ["rindex"] = new ScalarShape(TrigType.Int),
        ["rindex0"] = new ScalarShape(TrigType.Int),
        ["length"] = new ScalarShape(TrigType.Int),
        ["first"] = new ScalarShape(TrigType.Bool),
        ["last"] = new ScalarShape(TrigType.Bool),
    });

    public static TemplateShape FromType(TrigType type) => type switch
    {
        { IsError: true } => Unknown,
        { Kind: TypeKind.List, Element: { } element } => new ListShape(FromType(element)),
        _ => new ScalarShape(type),
    };

    private static RecordShape Record(string owner, IEnumerable<FieldSymbol> fields, string schemaOwner) => new(owner, fields
        .GroupBy(f => f.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => FromType(g.First().Type), StringComparer.Ordinal), schemaOwner);

    /// <summary>What iterating or indexing gives.</summary>
    public virtual TemplateShape Element => Unknown;
}

internal sealed record UnknownShape : TemplateShape;

/// <summary>
/// A value with named fields; <see cref="Owner"/> names it in messages ("user", "event `cart_abandoned`").
/// <see cref="SchemaOwner"/> is the event name or "user" when the fields are the schema's (not <c>rule</c> or <c>forloop</c>),
/// so that the uses of a field can be found for rename.
/// </summary>
internal sealed record RecordShape(string Owner, IReadOnlyDictionary<string, TemplateShape> Fields, string? SchemaOwner = null) : TemplateShape;

/// <summary>A list: Liquid gives it <c>size</c>, <c>first</c> and <c>last</c>.</summary>
internal sealed record ListShape(TemplateShape ElementShape) : TemplateShape
{
    public static IReadOnlyList<string> Members { get; } = ["size", "first", "last"];

    public override TemplateShape Element => ElementShape;
}

/// <summary>A field value of a schema type; only strings have a member (<c>size</c>).</summary>
internal sealed record ScalarShape(TrigType Type) : TemplateShape;
