using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.TypeSystem;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Interpretation;

/// <summary>
/// A tree-walking interpreter of bound expressions: the semantic reference
/// that compiled rule packs are tested against (LANGUAGE.md §4, §11). It reads
/// records through their boxing accessors and evaluates to boxed values (see
/// <see cref="Values"/>); null is absent. Slow by design: clarity over speed.
/// </summary>
public sealed class ExpressionInterpreter
{
    private readonly Schema _schema;
    // Field symbols are records, so two fields could be equal by value: look them up by reference.
    private readonly Dictionary<FieldSymbol, int> _attributeIndex = new(ReferenceEqualityComparer.Instance);

    public ExpressionInterpreter(Schema schema)
    {
        _schema = schema;
        for (var i = 0; i < schema.User.Attributes.Count; i++)
        {
            _attributeIndex[schema.User.Attributes[i]] = i;
        }
    }

    /// <summary>The value of <paramref name="expression"/>; <paramref name="now"/> is the evaluation time (for <c>days_since</c>).</summary>
    public object? Evaluate(BoundExpression expression, EventRecord trigger, EventRecord? candidate, UserRecord user, DateTimeOffset now) =>
        new Frame(this, trigger, candidate, user, now).Evaluate(expression);

    /// <summary>A condition holds only when it is true: absent counts as false.</summary>
    public static bool IsTrue(object? condition) => condition is true;

    private object? Read(BoundFieldAccess access, EventRecord trigger, EventRecord? candidate, UserRecord user)
    {
        if (access.Root == RecordRoot.User)
        {
            return Values.FromRecord(user.GetAttribute(_attributeIndex[access.Field]));
        }
        var record = access.Root == RecordRoot.Trigger
            ? trigger
            : candidate ?? throw new InvalidOperationException("a candidate field was read without a candidate event");
        var fields = _schema.Event(record.Name)?.Fields ?? throw new InvalidOperationException($"no event `{record.Name}` in the schema");
        for (var i = 0; i < fields.Count; i++)
        {
            if (ReferenceEquals(fields[i], access.Field))
            {
                return Values.FromRecord(record.GetField(i));
            }
        }
        throw new InvalidOperationException($"event `{record.Name}` has no field `{access.Field.Name}` of this binding");
    }

    /// <summary>One evaluation: the records and time it reads.</summary>
    private sealed class Frame(ExpressionInterpreter owner, EventRecord trigger, EventRecord? candidate, UserRecord user, DateTimeOffset now)
    {
        public object? Evaluate(BoundExpression expression) => expression switch
        {
            BoundLiteral literal => literal.Value,
            BoundFieldAccess access => owner.Read(access, trigger, candidate, user),
            BoundRecipient => user.Id,
            BoundUnary unary => Operators.Unary(unary.Operator, Evaluate(unary.Operand)),
            BoundBinary binary => Binary(binary),
            BoundCall call => Functions.Call(call.Function.Name, [.. call.Arguments.Select(Evaluate)], now),
            BoundList list => list.Elements.Select(Evaluate).ToArray(),
            _ => throw new InvalidOperationException($"cannot interpret {expression.GetType().Name}"),
        };

        private object? Binary(BoundBinary binary)
        {
            // `x == null` tests absence and `x != null` presence; only the literal null does this (§11).
            if (binary.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual && (IsNullLiteral(binary.Left) || IsNullLiteral(binary.Right)))
            {
                var other = IsNullLiteral(binary.Left) ? binary.Right : binary.Left;
                var absent = Evaluate(other) is null;
                return binary.Operator == BinaryOperator.Equal ? absent : !absent;
            }
            return Operators.Binary(binary.Operator, Evaluate(binary.Left), Evaluate(binary.Right));
        }

        private static bool IsNullLiteral(BoundExpression expression) => expression is BoundLiteral { Value: null, Type.Kind: TypeKind.Null };
    }
}
