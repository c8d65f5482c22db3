using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// The numbering of a project's generated types: events in name order, fields
/// in declaration order, user attributes in schema order (built-ins first).
/// Built-in attributes are members of <c>UserRecord</c>; declared ones of the
/// generated user class.
/// </summary>
internal sealed class PackLayout
{
    private static readonly string[] BuiltInMembers = ["Id", "Timezone", "Email", "Phone", "PushToken"];

    private readonly Dictionary<EventSymbol, int> _eventIndex;
    private readonly Dictionary<FieldSymbol, int> _fieldIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FieldSymbol, int> _attributeIndex = new(ReferenceEqualityComparer.Instance);

    public PackLayout(Schema schema)
    {
        Schema = schema;
        Events = [.. schema.Events.Values.OrderBy(e => e.Name, StringComparer.Ordinal)];
        _eventIndex = Events.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        foreach (var symbol in Events)
        {
            for (var i = 0; i < symbol.Fields.Count; i++)
            {
                _fieldIndex[symbol.Fields[i]] = i;
            }
        }
        for (var i = 0; i < schema.User.Attributes.Count; i++)
        {
            _attributeIndex[schema.User.Attributes[i]] = i;
        }
    }

    public Schema Schema { get; }

    public IReadOnlyList<EventSymbol> Events { get; }

    public IEnumerable<FieldSymbol> DeclaredAttributes => Schema.User.Attributes.Skip(BuiltInMembers.Length);

    public int EventIndex(EventSymbol symbol) => _eventIndex[symbol];

    public string EventClass(EventSymbol symbol) => GeneratedNames.EventClass(EventIndex(symbol));

    public int FieldIndex(FieldSymbol field) => _fieldIndex[field];

    /// <summary>C# that reads an attribute from the user variable <paramref name="user"/> (typed as the generated user class).</summary>
    public string UserAccess(string user, FieldSymbol attribute)
    {
        var index = _attributeIndex[attribute];
        return index < BuiltInMembers.Length
            ? $"{user}.{BuiltInMembers[index]}"
            : $"{user}.{GeneratedNames.UserField(index - BuiltInMembers.Length)}";
    }
}
